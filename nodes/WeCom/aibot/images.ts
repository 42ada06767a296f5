import type { IBinaryKeyData, IWebhookFunctions } from 'n8n-workflow';

import { decryptWeComMedia } from '../../shared/crypto/wecom';
import { MAX_IMAGE_BYTES, MAX_IMAGES } from './limits';

/**
 * Downloads the images of an AI-bot message and decrypts them (WeCom serves them encrypted with the
 * bot's key, docs/reference/wecom-ai-bot.md §3) into binary properties image0, image1, … for vision
 * models. Runs after WeCom has been answered, so the download never delays the acknowledgement.
 * A failed image is reported on the item instead of failing the callback.
 */

const SIGNATURES: Array<[number[], string, string]> = [
	[[0x89, 0x50, 0x4e, 0x47], 'image/png', 'png'],
	[[0xff, 0xd8, 0xff], 'image/jpeg', 'jpg'],
	[[0x47, 0x49, 0x46, 0x38], 'image/gif', 'gif'],
];

function imageType(data: Buffer): { mime: string; extension: string } {
	for (const [magic, mime, extension] of SIGNATURES) {
		if (magic.every((byte, i) => data[i] === byte)) return { mime, extension };
	}
	if (
		data.subarray(0, 4).toString('latin1') === 'RIFF' &&
		data.subarray(8, 12).toString() === 'WEBP'
	)
		return { mime: 'image/webp', extension: 'webp' };
	return { mime: 'application/octet-stream', extension: 'bin' };
}

export async function downloadImages(
	ctx: IWebhookFunctions,
	key: Buffer,
	urls: string[],
): Promise<{ binary: IBinaryKeyData; errors: string[] }> {
	const binary: IBinaryKeyData = {};
	const errors: string[] = [];
	for (const [n, url] of urls.slice(0, MAX_IMAGES).entries()) {
		try {
			const body = (await ctx.helpers.httpRequest({
				method: 'GET',
				url,
				encoding: 'arraybuffer',
				json: false,
				timeout: 15_000,
			})) as ArrayBuffer | Buffer;
			const data = Buffer.isBuffer(body) ? body : Buffer.from(body);
			if (data.length > MAX_IMAGE_BYTES + 32) throw new Error('image is larger than 10 MB');
			const plain = decryptWeComMedia(key, data);
			const { mime, extension } = imageType(plain);
			binary[`image${n}`] = await ctx.helpers.prepareBinaryData(
				plain,
				`image${n}.${extension}`,
				mime,
			);
		} catch (error) {
			errors.push(`image ${n}: ${(error as Error).message}`);
		}
	}
	return { binary, errors };
}
