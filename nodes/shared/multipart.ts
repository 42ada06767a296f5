import { randomBytes } from 'crypto';

export interface FilePart {
	/** Form field name (WeCom: `media`). */
	field: string;
	filename: string;
	contentType: string;
	data: Buffer;
}

/**
 * A multipart/form-data body with one file, built by hand: the pack may not ship the form-data
 * package, and WeCom reads `filename` and `filelength` from the part header.
 */
export function multipartFile(part: FilePart): { body: Buffer; contentType: string } {
	const boundary = `----n8nWeComWeLink${randomBytes(12).toString('hex')}`;
	const safeName = part.filename.replace(/["\r\n]/g, '_');
	const head =
		`--${boundary}\r\n` +
		`Content-Disposition: form-data; name="${part.field}"; filename="${safeName}"; filelength=${part.data.length}\r\n` +
		`Content-Type: ${part.contentType}\r\n\r\n`;
	return {
		body: Buffer.concat([
			Buffer.from(head, 'utf8'),
			part.data,
			Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
		]),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}
