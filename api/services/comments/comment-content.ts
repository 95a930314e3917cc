import { ValidationError, type FieldProblems } from '../../errors.js';
import { cleanBody, cleanName } from '../core/text.js';
import { renderMarkdown } from './markdown.js';

/** A comment's text as stored: the cleaned name and Markdown source, and the sanitized HTML. */
export interface CommentContent {
  name: string;
  body: string;
  html: string;
}

/** One render path for every way text enters: clean, check, render. */
export function prepareContent(name: string, body: string): CommentContent {
  const cleanedName = cleanName(name);
  const cleanedBody = cleanBody(body);
  const problems: FieldProblems = {};
  if (!cleanedName) problems.name = { problem: 'required', message: 'is required' };
  if (!cleanedBody) problems.body = { problem: 'required', message: 'is required' };
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return { name: cleanedName, body: cleanedBody, html: renderMarkdown(cleanedBody) };
}
