/** Downloads the export as a JSON file. */
export async function deliverExport(json: string): Promise<string> {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'cakeday-my-data.json';
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
  return '数据已下载';
}
