import { INVALID_JSON, type Router, type SandboxResponse } from './http.cjs';
import type { SandboxState } from './server.cjs';

/**
 * A deterministic stand-in for a chat model, so the AI-assistant examples run in tests and the demo
 * without a real model: an OpenAI-compatible `POST /openai/v1/chat/completions` (what n8n's OpenAI
 * Chat Model node calls when its credential's Base URL points here), plain or streamed (server-sent
 * events). The answer depends only on the conversation it is given, so memory is visible in it
 * ("第 2 轮"), and it takes as long as a test says (`POST /__sandbox/llm {delayMs, tokenGapMs}`).
 * This is test equipment, not an emulation of OpenAI: it checks only what it needs.
 */

export const LLM_PATH = '/openai/v1';
export const SANDBOX_LLM_KEY = 'sandbox-llm-key';

export interface LlmCall {
	at: number;
	stream: boolean;
	/** The last user message, and how many user turns the request carried (memory). */
	question: string;
	turns: number;
	answer: string;
	/** The tools the agent offered (name and description, as the model reads them). */
	tools: Array<{ name: string; description: string }>;
}

interface OfferedTool {
	function?: {
		name?: string;
		description?: string;
		parameters?: { properties?: Record<string, unknown> };
	};
}

/**
 * "通知 lisi：明天的会改到三点" with a tool offered: the stand-in calls the first tool, filling a
 * member-like parameter with the ID and every other one with the text — the way a model uses a
 * "send a message" tool. After the tool's result it confirms.
 */
function toolCall(question: string, tools: OfferedTool[]) {
	const match = /^通知\s*([A-Za-z0-9_.@-]+)[：:]\s*(.+)$/s.exec(question);
	const tool = tools[0]?.function;
	if (!match || !tool?.name) return undefined;
	const args: Record<string, string> = {};
	for (const name of Object.keys(tool.parameters?.properties ?? {}))
		args[name] = /member|user|recipient|to$/i.test(name) ? match[1] : match[2];
	return { name: tool.name, args, member: match[1], text: match[2] };
}

export class LlmStandIn {
	/** Time before the first token. */
	delayMs = 0;

	/** Time between streamed pieces. */
	tokenGapMs = 0;

	/** Answer the next N calls with HTTP 500. */
	failNext = 0;

	readonly calls: LlmCall[] = [];
}

const byWorld = new WeakMap<object, LlmStandIn>();

/** The stand-in of the current sandbox world (a reset gives a new one). */
export function llmOf(state: SandboxState): LlmStandIn {
	let llm = byWorld.get(state.wecom);
	if (!llm) byWorld.set(state.wecom, (llm = new LlmStandIn()));
	return llm;
}

function textOf(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content))
		return content
			.map((part) =>
				part && typeof part === 'object' ? String((part as { text?: unknown }).text ?? '') : '',
			)
			.join('');
	return '';
}

/** A long answer (for splitting) when asked for detail, else one line naming the question and turn. */
export function standInAnswer(question: string, turns: number): string {
	if (/详细|长一点|in detail/i.test(question)) {
		const section = (n: number) =>
			`## 第 ${n} 部分\n\n${'沙箱模型的详细回答，用于检验长消息的拆分。'.repeat(12)}\n`;
		return Array.from({ length: 6 }, (_, n) => section(n + 1)).join('\n');
	}
	return `**沙箱模型**：收到「${question}」。这是我们的第 ${turns} 轮对话。`;
}

/** The answer in a few pieces, as a streaming model sends it. */
function pieces(answer: string): string[] {
	const chars = [...answer];
	const size = Math.max(1, Math.ceil(chars.length / 5));
	const out: string[] = [];
	for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
	return out;
}

const wait = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export function registerLlmRoutes(router: Router, state: SandboxState) {
	router.on('GET', `${LLM_PATH}/models`, () => ({
		body: { object: 'list', data: [{ id: 'sandbox-chat', object: 'model', owned_by: 'sandbox' }] },
	}));

	router.on('POST', `${LLM_PATH}/chat/completions`, async (req): Promise<SandboxResponse> => {
		const llm = llmOf(state);
		if (req.headers.authorization !== `Bearer ${SANDBOX_LLM_KEY}`)
			return { status: 401, body: { error: { message: 'invalid api key', type: 'auth' } } };
		const body = req.json === INVALID_JSON ? undefined : (req.json as Record<string, unknown>);
		const messages = Array.isArray(body?.messages)
			? (body.messages as Array<{ role?: string; content?: unknown }>)
			: undefined;
		if (!messages?.length)
			return { status: 400, body: { error: { message: 'messages is required', type: 'invalid' } } };
		const users = messages.filter((m) => m.role === 'user');
		const question = textOf(users.at(-1)?.content).trim();
		const offered = Array.isArray(body?.tools) ? (body.tools as OfferedTool[]) : [];
		const call = toolCall(question, offered);
		const toolDone = messages.at(-1)?.role === 'tool';
		let answer = standInAnswer(question, users.length);
		if (call && toolDone) answer = `已通知 ${call.member}：${call.text}`;
		const stream = body?.stream === true;
		llm.calls.push({
			at: Date.now(),
			stream,
			question,
			turns: users.length,
			answer,
			tools: offered.map((t) => ({
				name: String(t.function?.name ?? ''),
				description: String(t.function?.description ?? ''),
			})),
		});
		await wait(llm.delayMs);
		if (llm.failNext > 0) {
			llm.failNext--;
			return { status: 500, body: { error: { message: 'sandbox model failure', type: 'server' } } };
		}
		const id = `chatcmpl-sbx-${llm.calls.length}`;
		const model = String(body?.model ?? 'sandbox-chat');
		const created = Math.floor(Date.now() / 1000);
		const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
		if (call && !toolDone && !stream)
			return {
				body: {
					id,
					object: 'chat.completion',
					created,
					model,
					choices: [
						{
							index: 0,
							message: {
								role: 'assistant',
								content: null,
								tool_calls: [
									{
										id: `call_sbx_${llm.calls.length}`,
										type: 'function',
										function: { name: call.name, arguments: JSON.stringify(call.args) },
									},
								],
							},
							finish_reason: 'tool_calls',
						},
					],
					usage,
				},
			};
		if (!stream)
			return {
				body: {
					id,
					object: 'chat.completion',
					created,
					model,
					choices: [
						{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' },
					],
					usage,
				},
			};
		const chunk = (delta: Record<string, unknown>, finish: string | null, extra = {}) =>
			`data: ${JSON.stringify({
				id,
				object: 'chat.completion.chunk',
				created,
				model,
				choices: [{ index: 0, delta, finish_reason: finish }],
				...extra,
			})}\n\n`;
		const includeUsage =
			(body?.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
		async function* events() {
			yield chunk({ role: 'assistant', content: '' }, null);
			for (const piece of pieces(answer)) {
				yield chunk({ content: piece }, null);
				await wait(llm.tokenGapMs);
			}
			yield chunk({}, 'stop');
			if (includeUsage)
				yield `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`;
			yield 'data: [DONE]\n\n';
		}
		return { stream: events(), headers: { 'cache-control': 'no-cache' } };
	});

	router.on('POST', '/__sandbox/llm', (req) => {
		const llm = llmOf(state);
		const spec = (req.json && req.json !== INVALID_JSON ? req.json : {}) as Partial<LlmStandIn>;
		if (typeof spec.delayMs === 'number') llm.delayMs = spec.delayMs;
		if (typeof spec.tokenGapMs === 'number') llm.tokenGapMs = spec.tokenGapMs;
		if (typeof spec.failNext === 'number') llm.failNext = spec.failNext;
		return { body: { ok: true, calls: llm.calls.length } };
	});

	router.on('GET', '/__sandbox/llm', () => ({ body: { ok: true, calls: llmOf(state).calls } }));
}
