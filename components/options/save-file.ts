/**
 * How long an exported file's object URL lives. Revoking it right after the click can cancel
 * the download in some browsers, which read the URL only once the download starts.
 */
const OBJECT_URL_LIFETIME_MS = 60_000;

/** Offers text as a file download, through a temporary link (no downloads permission needed). */
export function saveTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  // Some browsers ignore a click on a link that is not in the document.
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}
