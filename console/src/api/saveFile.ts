/** Hands a file to the browser's download, as a link to a Blob URL would. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the Blob by now; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
