/** Why a callback could not be verified or decrypted. The HTTP status tells the trigger how to answer. */
export type CallbackRejection =
	| 'bad-signature' // forged or missing signature → 403
	| 'stale' // timestamp outside the accepted window → 403
	| 'wrong-receiver' // decrypted for another corp / app → 403
	| 'malformed' // body, base64, padding or length prefix broken → 400
	| 'bad-key'; // the configured key is unusable → 500 (a setup problem, not the caller's)

export class CallbackCryptoError extends Error {
	constructor(
		readonly reason: CallbackRejection,
		message: string,
	) {
		super(message);
		this.name = 'CallbackCryptoError';
	}

	get httpStatus() {
		switch (this.reason) {
			case 'malformed':
				return 400;
			case 'bad-key':
				return 500;
			default:
				return 403;
		}
	}
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Node's base64 decoder skips junk silently; callbacks must be canonical base64 or they are refused. */
export function strictBase64(text: string, what: string): Buffer {
	if (!BASE64.test(text)) throw new CallbackCryptoError('malformed', `${what} is not valid base64`);
	return Buffer.from(text, 'base64');
}
