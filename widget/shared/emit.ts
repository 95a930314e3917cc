/** What an event of the global event map carries. */
export type DetailOf<Name extends keyof GlobalEventHandlersEventMap> = GlobalEventHandlersEventMap[Name] extends CustomEvent<infer Detail> ? Detail : never;

/**
 * Fires one of Rapport's events from `from`: it bubbles out of shadow roots, so a blog's page
 * (or the inbox shell) hears it wherever it listens. Each element's file declares its events in
 * `GlobalEventHandlersEventMap`, which types both this call and `addEventListener`.
 */
export function emit<Name extends keyof GlobalEventHandlersEventMap>(from: EventTarget, name: Name, detail: DetailOf<Name>): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
