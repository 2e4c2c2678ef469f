/** What a generated mock image shows. */
export interface SvgImageInput {
  /** The task's prompt, written on the image (shortened when long). */
  prompt: string;
  /** The model id, written under the prompt. */
  model: string;
  /** `"16:9"`; `"auto"` or missing means square. */
  aspectRatio?: string;
  /** `"1K"`, `"2K"`, `"4K"` set the long side (1024, 2048, 4096); anything else means 1024. */
  resolution?: string;
  /** Which output of the task (1-based), shown when above 1. */
  index?: number;
}

const LONG_SIDE: Readonly<Record<string, number>> = { '1K': 1024, '2K': 2048, '4K': 4096 };
const MAX_PROMPT = 280;

/** Width and height in pixels for an aspect ratio and resolution. */
export function imageSize(
  aspectRatio: string | undefined,
  resolution: string | undefined,
): { width: number; height: number } {
  const [w, h] = (aspectRatio ?? '').split(':').map(Number);
  const ratio = w && h ? w / h : 1;
  const long = LONG_SIDE[resolution ?? ''] ?? 1024;
  return ratio >= 1
    ? { width: long, height: Math.round(long / ratio) }
    : { width: Math.round(long * ratio), height: long };
}

const escapeXml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!,
  );

// A stable hue per prompt, so different prompts look different and the same prompt looks the same.
function hueOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) >>> 0;
  return hash % 360;
}

/** Words into lines of at most `width` characters; long words are cut. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let rest = word; rest; rest = rest.slice(width)) {
      const piece = rest.slice(0, width);
      if (line && line.length + 1 + piece.length > width) {
        lines.push(line);
        line = piece;
      } else {
        line = line ? `${line} ${piece}` : piece;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A placeholder image as SVG at the requested aspect ratio: a gradient coloured by the prompt, the
 * prompt itself, the model and the size, and a "mock" badge so nobody mistakes it for a real output.
 */
export function svgImage({
  prompt,
  model,
  aspectRatio,
  resolution,
  index = 1,
}: SvgImageInput): string {
  const { width, height } = imageSize(aspectRatio, resolution);
  const short = Math.min(width, height);
  const font = Math.round(short / 16);
  const small = Math.round(font * 0.6);
  const pad = Math.round(short / 12);
  const perLine = Math.max(8, Math.floor((width - 2 * pad) / (font * 0.56)));
  const maxLines = Math.max(1, Math.floor((height - 4 * pad - 2 * small) / (font * 1.3)));
  const shown = prompt.length > MAX_PROMPT ? `${prompt.slice(0, MAX_PROMPT - 1)}…` : prompt;
  let lines = wrap(shown, perLine);
  if (lines.length > maxLines)
    lines = [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]!.slice(0, perLine - 1)}…`];
  const hue = hueOf(prompt);
  const top = (height - lines.length * font * 1.3) / 2 + font;
  const caption = `${model} · ${aspectRatio ?? 'auto'} · ${width}×${height}${index > 1 ? ` · #${index}` : ''}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(`Mock image: ${shown}`)}">`,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},65%,38%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},70%,22%)"/></linearGradient></defs>`,
    `<rect width="100%" height="100%" fill="url(#g)"/>`,
    `<g font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif" fill="#fff" text-anchor="middle">`,
    ...lines.map(
      (line, i) =>
        `<text x="${width / 2}" y="${Math.round(top + i * font * 1.3)}" font-size="${font}">${escapeXml(line)}</text>`,
    ),
    `<text x="${width / 2}" y="${height - pad}" font-size="${small}" fill-opacity="0.8">${escapeXml(caption)}</text>`,
    `<text x="${width - pad / 2}" y="${pad}" font-size="${small}" text-anchor="end" fill-opacity="0.8">MOCK</text>`,
    `</g></svg>`,
  ].join('\n');
}
