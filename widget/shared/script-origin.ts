/**
 * The origin embed.js was loaded from: the API's origin. Read while the bundle first runs, the
 * only moment `document.currentScript` names it; elements fall back to it when no `api` is set.
 */
const script = document.currentScript as HTMLScriptElement | null;

export const scriptOrigin: string = script?.src ? new URL(script.src, location.href).origin : location.origin;
