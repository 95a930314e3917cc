import { headerSafe, renderMail, type MailBlock, type MailBody } from './mail-layout.js';
import { fill, mailTextsFor, type MailTexts } from './mail-texts.js';

/** A composed mail, before the outbox gives it an id. */
export interface ComposedMail extends MailBody {
  subject: string;
}

/** What a mail says about a comment. `pageTitle` falls back to the page's key. */
export interface CommentFacts {
  name: string;
  body: string;
  pageTitle: string;
}

/** The author hears of one new reader comment. */
export function authorCommentMail(
  locale: string,
  facts: CommentFacts & { siteName: string; asksQuestion: boolean },
  links: { inbox: string; blog: string | undefined },
): ComposedMail {
  const t = mailTextsFor(locale);
  const values = { name: facts.name, page: facts.pageTitle, site: facts.siteName };
  return compose(fill(t.authorCommentSubject, values), [
    { kind: 'paragraph', text: fill(t.authorCommentIntro, values) },
    { kind: 'quote', text: facts.body },
    ...(facts.asksQuestion ? [{ kind: 'paragraph', text: t.authorCommentQuestion } as const] : []),
    { kind: 'link', label: t.answerInInbox, href: links.inbox },
    ...(links.blog ? [{ kind: 'link', label: t.readOnBlog, href: links.blog } as const] : []),
    { kind: 'footer', text: fill(t.authorCommentFooter, values) },
  ]);
}

export interface DigestFacts {
  siteName: string;
  waiting: number;
  overdue: number;
  held: number;
  /** Waiting, but snoozed out of the inbox's queue (and of this list) for now. */
  snoozed: number;
  oldestWaitMs: number;
  replyGoalHours: number;
  digestHour: number;
  timeZone: string;
  items: (CommentFacts & { waitMs: number; href: string })[];
}

/** The author's daily list of readers waiting, in inbox order. */
export function digestMail(locale: string, facts: DigestFacts, inbox: string): ComposedMail {
  const t = mailTextsFor(locale);
  const site = facts.siteName;
  const subject = facts.waiting === 1 ? fill(t.digestSubjectOne, { site }) : fill(t.digestSubject, { count: facts.waiting, site });
  const blocks: MailBlock[] = [{ kind: 'paragraph', text: fill(t.digestIntro, { site }) }];
  for (const item of facts.items) {
    const excerpt = item.body.length > 160 ? `${item.body.slice(0, 159).trimEnd()}…` : item.body;
    blocks.push({
      kind: 'item',
      title: `${item.name} · ${item.pageTitle} · ${fill(t.digestWaiting, { wait: waitText(t, item.waitMs) })}`,
      detail: excerpt.replace(/\s+/g, ' '),
      href: item.href,
    });
  }
  const more = facts.waiting - facts.snoozed - facts.items.length;
  if (more > 0) blocks.push({ kind: 'paragraph', text: fill(t.digestMore, { count: more }) });
  if (facts.snoozed > 0) blocks.push({ kind: 'paragraph', text: fill(t.digestSnoozed, { count: facts.snoozed }) });
  blocks.push({ kind: 'paragraph', text: fill(t.digestOldest, { wait: waitText(t, facts.oldestWaitMs) }) });
  if (facts.overdue > 0) blocks.push({ kind: 'paragraph', text: fill(t.digestOverdue, { count: facts.overdue, goal: facts.replyGoalHours }) });
  if (facts.held > 0) blocks.push({ kind: 'paragraph', text: fill(t.digestHeld, { count: facts.held }) });
  blocks.push({ kind: 'link', label: t.openInbox, href: inbox });
  blocks.push({ kind: 'footer', text: fill(t.digestFooter, { hour: String(facts.digestHour).padStart(2, '0'), zone: facts.timeZone }) });
  return compose(subject, blocks);
}

/** The one mail an unconfirmed address gets: a link to the page that confirms it. */
export function confirmMail(locale: string, siteName: string, confirmLink: string): ComposedMail {
  const t = mailTextsFor(locale);
  return compose(fill(t.confirmSubject, { site: siteName }), [
    { kind: 'paragraph', text: fill(t.confirmIntro, { site: siteName }) },
    { kind: 'link', label: t.confirmAction, href: confirmLink },
    { kind: 'paragraph', text: t.confirmIgnore },
  ]);
}

/** A reader hears that someone answered their comment; the author's answers say so. */
export function replyMail(
  locale: string,
  facts: { siteName: string; pageTitle: string; reply: { name: string; body: string; isAuthor: boolean }; original: string },
  links: { blog: string | undefined; unsubscribe: string },
): ComposedMail {
  const t = mailTextsFor(locale);
  const values = { name: facts.reply.name, page: facts.pageTitle, site: facts.siteName };
  const subject = fill(facts.reply.isAuthor ? t.replySubjectAuthor : t.replySubjectReader, values);
  return compose(subject, [
    { kind: 'paragraph', text: fill(facts.reply.isAuthor ? t.replyIntroAuthor : t.replyIntroReader, values) },
    { kind: 'quote', text: facts.reply.body },
    { kind: 'quote', label: t.yourComment, text: facts.original },
    ...(links.blog ? [{ kind: 'link', label: t.replyAction, href: links.blog } as const] : []),
    { kind: 'footer', text: fill(t.replyFooter, values), link: { label: t.unsubscribeLink, href: links.unsubscribe } },
  ]);
}

function compose(subject: string, blocks: MailBlock[]): ComposedMail {
  // A subject is a header: one line, bounded, whatever a name or a page title contained.
  return { subject: headerSafe(subject, 160), ...renderMail(blocks) };
}

function waitText(t: MailTexts, ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return fill(t.minutes, { count: minutes });
  const hours = Math.round(minutes / 60);
  return hours < 48 ? fill(t.hours, { count: hours }) : fill(t.days, { count: Math.round(hours / 24) });
}

/** The site's name as the From display name: a header, so one line and bounded. */
export function fromName(site: { _id: string; name: string }): string {
  return headerSafe(site.name, 60) || site._id;
}
