import { cutToBytes, utf8Bytes } from '../../../shared/validation';

/**
 * Splits a long text or markdown answer into parts WeCom accepts (app messages: 2,048 bytes each,
 * reference §3.1), breaking where a reader expects it: between paragraphs, else lines, else after a
 * sentence, else at a space; a code block cut in two is closed and reopened so both parts render.
 */

const FENCE = '```';
/** Room kept in each part to close and reopen a code block. */
const FENCE_ROOM = 8;

function breakAt(window: string): number {
	const floor = Math.floor(window.length * 0.3);
	const candidates = [
		window.lastIndexOf('\n\n'),
		window.lastIndexOf('\n'),
		Math.max(
			...['。', '！', '？', '. ', '! ', '? ', '；'].map((m) => {
				const at = window.lastIndexOf(m);
				return at < 0 ? -1 : at + m.length;
			}),
		),
		window.lastIndexOf(' '),
	];
	const found = candidates.find((at) => at > floor);
	return found ?? window.length;
}

export function splitText(text: string, maxBytes: number): string[] {
	const parts: string[] = [];
	let rest = text;
	while (utf8Bytes(rest) > maxBytes) {
		const window = cutToBytes(rest, maxBytes - FENCE_ROOM);
		const cut = breakAt(window) || window.length;
		let part = rest.slice(0, cut).trimEnd();
		rest = rest.slice(cut).replace(/^\s*\n/, '');
		if ((part.split(FENCE).length - 1) % 2 === 1) {
			part += `\n${FENCE}`;
			rest = `${FENCE}\n${rest}`;
		}
		if (part) parts.push(part);
	}
	if (rest.trim()) parts.push(rest);
	return parts;
}
