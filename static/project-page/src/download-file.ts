/** Hands `contents` to the browser as a download named `fileName`. */
export function downloadFile(contents: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
