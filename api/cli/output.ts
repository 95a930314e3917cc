import type { z } from 'zod';

/** A mistake in how the command was called: reported without a stack, exit code 2. */
export class UsageError extends Error {}

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** commander's accumulator for repeatable options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses one argument with a schema, or stops with a message naming the argument. */
export function checked<Schema extends z.ZodType>(schema: Schema, value: unknown, name: string): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${name} ${issue.path.join('.')}` : name;
  throw new UsageError(`${where}: ${issue?.message ?? 'is not valid'}`);
}

export function embedSnippet(publicUrl: string, siteId: string): string {
  return `<script src="${publicUrl}/embed.js" data-site="${siteId}" async></script>`;
}
