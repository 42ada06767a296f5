/**
 * A small, strict XML reader for WeCom callback payloads. Community nodes may not ship an XML
 * library, and regex readers lose CDATA containing "]", empty values and repeated or nested
 * elements (SelectedItems, ApprovalInfo, ExtAttr). Supported: elements, CDATA (also split CDATA),
 * text with the five entities and numeric references, comments, an XML declaration; attributes are
 * read and ignored. DOCTYPE and entity declarations are refused, so nothing external is ever loaded.
 *
 * Result shape: an element with only text becomes a string ('' when empty); an element with child
 * elements becomes an object; an element that appears more than once under a parent becomes an array.
 */

export type XmlNode = string | XmlRecord | XmlNode[];
export interface XmlRecord {
	[name: string]: XmlNode;
}

export class XmlError extends Error {
	constructor(message: string, position: number) {
		super(`${message} at position ${position}`);
		this.name = 'XmlError';
	}
}

const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;
const MAX_DEPTH = 64;

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string, position: number): string {
	return text.replace(/&([^;\s<&]*)(;?)/g, (match, entity: string, semicolon: string) => {
		if (!semicolon) throw new XmlError(`Unterminated entity "${match}"`, position);
		if (entity in NAMED_ENTITIES) return NAMED_ENTITIES[entity];
		const code = /^#x[0-9a-fA-F]+$/.test(entity)
			? parseInt(entity.slice(2), 16)
			: /^#[0-9]+$/.test(entity)
				? parseInt(entity.slice(1), 10)
				: NaN;
		if (!Number.isFinite(code) || code > 0x10ffff)
			throw new XmlError(`Unknown entity "${match}"`, position);
		return String.fromCodePoint(code);
	});
}

export function parseXml(xml: string, maxLength = 1024 * 1024): { name: string; value: XmlNode } {
	if (xml.length > maxLength) throw new XmlError(`Document longer than ${maxLength} characters`, 0);
	let pos = 0;

	const skipSpace = () => {
		while (pos < xml.length && /\s/.test(xml[pos])) pos++;
	};
	const skipMisc = () => {
		for (;;) {
			skipSpace();
			if (xml.startsWith('<?', pos)) {
				const end = xml.indexOf('?>', pos);
				if (end === -1) throw new XmlError('Unterminated processing instruction', pos);
				pos = end + 2;
			} else if (xml.startsWith('<!--', pos)) {
				const end = xml.indexOf('-->', pos);
				if (end === -1) throw new XmlError('Unterminated comment', pos);
				pos = end + 3;
			} else if (xml.startsWith('<!DOCTYPE', pos) || xml.startsWith('<!ENTITY', pos)) {
				throw new XmlError('DOCTYPE and entity declarations are not allowed', pos);
			} else {
				return;
			}
		}
	};
	const readName = () => {
		NAME.lastIndex = pos;
		const match = NAME.exec(xml);
		if (!match) throw new XmlError('Expected a name', pos);
		pos += match[0].length;
		return match[0];
	};
	const skipAttributes = () => {
		for (;;) {
			skipSpace();
			if (xml[pos] === '>' || xml.startsWith('/>', pos)) return;
			readName();
			skipSpace();
			if (xml[pos] !== '=') throw new XmlError('Expected "=" in attribute', pos);
			pos++;
			skipSpace();
			const quote = xml[pos];
			if (quote !== '"' && quote !== "'")
				throw new XmlError('Expected a quoted attribute value', pos);
			const end = xml.indexOf(quote, pos + 1);
			if (end === -1) throw new XmlError('Unterminated attribute value', pos);
			pos = end + 1;
		}
	};

	const readElement = (depth: number): { name: string; value: XmlNode } => {
		if (depth > MAX_DEPTH) throw new XmlError('Elements nested too deeply', pos);
		if (xml[pos] !== '<') throw new XmlError('Expected "<"', pos);
		pos++;
		const name = readName();
		skipAttributes();
		if (xml.startsWith('/>', pos)) {
			pos += 2;
			return { name, value: '' };
		}
		pos++; // '>'
		let text = '';
		const children: XmlRecord = {};
		let hasChildren = false;
		for (;;) {
			if (pos >= xml.length) throw new XmlError(`Unclosed element <${name}>`, pos);
			if (xml.startsWith('<![CDATA[', pos)) {
				const end = xml.indexOf(']]>', pos + 9);
				if (end === -1) throw new XmlError('Unterminated CDATA section', pos);
				text += xml.slice(pos + 9, end);
				pos = end + 3;
			} else if (xml.startsWith('<!--', pos)) {
				const end = xml.indexOf('-->', pos);
				if (end === -1) throw new XmlError('Unterminated comment', pos);
				pos = end + 3;
			} else if (xml.startsWith('</', pos)) {
				pos += 2;
				const closing = readName();
				if (closing !== name)
					throw new XmlError(`Expected </${name}> but found </${closing}>`, pos);
				skipSpace();
				if (xml[pos] !== '>') throw new XmlError('Expected ">"', pos);
				pos++;
				break;
			} else if (xml[pos] === '<') {
				if (xml.startsWith('<!', pos) || xml.startsWith('<?', pos))
					throw new XmlError('Unexpected declaration inside an element', pos);
				const child = readElement(depth + 1);
				hasChildren = true;
				// An element's own value is never an array, so an array here means "seen before".
				const existing = children[child.name];
				if (existing === undefined) children[child.name] = child.value;
				else if (Array.isArray(existing)) existing.push(child.value);
				else children[child.name] = [existing, child.value];
			} else {
				const next = xml.indexOf('<', pos);
				const raw = next === -1 ? xml.slice(pos) : xml.slice(pos, next);
				text += decodeEntities(raw, pos);
				pos = next === -1 ? xml.length : next;
			}
		}
		// Mixed content: WeCom never sends it; text between child elements is whitespace and dropped.
		return { name, value: hasChildren ? children : text };
	};

	skipMisc();
	const root = readElement(0);
	skipMisc();
	if (pos < xml.length) throw new XmlError('Content after the root element', pos);
	return root;
}

/** Escapes text for a CDATA section (a "]]>" inside is split across two sections). */
export function cdata(text: string) {
	return `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}
