/**
 * Text for HTML text and for attribute values quoted with ": the four characters that matter
 * there (a single quote needs no escape inside double quotes, and every attribute here uses them).
 */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
