/**
 * A reader's website only becomes a link when it is plainly http(s). The server checks this too;
 * the widget checks again because the href lands on the blogger's page.
 */
export function safeWebsite(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
