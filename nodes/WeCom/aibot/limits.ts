/** WeCom AI-bot limits (docs/reference/wecom-ai-bot.md). */

/** stream.content and markdown.content: at most 20,480 bytes of UTF-8 [101031], [101138]. */
export const STREAM_CONTENT_MAX_BYTES = 20480;

/** A request body larger than this is not a WeCom AI-bot callback. */
export const MAX_AIBOT_BODY = 256 * 1024;

/** Images a message may carry that the trigger downloads (mixed messages hold several). */
export const MAX_IMAGES = 10;

/** An image larger than this is not downloaded (stream images are at most 10 MB [101031]). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
