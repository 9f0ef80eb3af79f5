export async function savePoster(imageBase64: string, name: string): Promise<string> {
  const link = document.createElement('a');
  link.href = `data:image/png;base64,${imageBase64}`;
  link.download = `${name}.png`;
  link.click();
  return '海报已下载';
}
