import { randomBytes } from 'node:crypto';

import { toXml, type XmlObject } from '../sandbox/callbacks.cjs';
import { SANDBOX_CALLBACK, SANDBOX_CORP_ID } from '../sandbox/wecom/apps.cjs';
import { encryptWeCom, parseEncodingAesKey, weComSignature } from '../nodes/shared/crypto/wecom';
import { decryptWeLink, encryptWeLink, weLinkCallbackKey } from '../nodes/shared/crypto/welink';
import { callbackConfig, readWeComCallback } from '../nodes/WeCom/callback/read';
import { fmt, progress, throughput, type Row } from './report.cjs';

/**
 * Row 5: callbacks verified and decrypted per second on one core (this process's main thread).
 * WeCom: the trigger's own read step (nodes/WeCom/callback/read.ts): envelope XML parsed
 * (nodes/shared/xml.ts), msg_signature checked in constant time, timestamp window, AES-256-CBC
 * decrypted, receive ID checked, inner XML parsed (nodes/shared/crypto/wecom.ts). WeLink: AES-128-GCM
 * decrypted and authenticated (nodes/shared/crypto/welink.ts), then JSON parsed.
 */

const WARMUP_MS = 300;
const MEASURE_MS = 2000;
/** Distinct requests cycled through, so no result can be cached anywhere. */
const DISTINCT = 64;

/** Events of the kinds and sizes WeCom sends: a text message, a card click, a contact change, an approval. */
function weComEvents(i: number): XmlObject {
	const base = {
		ToUserName: SANDBOX_CORP_ID,
		FromUserName: `user${i}`,
		CreateTime: 1795000000 + i,
	};
	switch (i % 4) {
		case 0:
			return {
				...base,
				MsgType: 'text',
				Content: `请帮我预订明天下午三点的会议室，参会人员：张三、李四、王五。编号 ${i}`,
				MsgId: String(7_000_000_000 + i),
				AgentID: 1000002,
			};
		case 1:
			return {
				...base,
				MsgType: 'event',
				Event: 'template_card_event',
				EventKey: 'approve',
				TaskId: `task_${i}`,
				CardType: 'button_interaction',
				ResponseCode: randomBytes(24).toString('hex'),
				AgentID: 1000002,
			};
		case 2:
			return {
				...base,
				MsgType: 'event',
				Event: 'change_contact',
				ChangeType: 'update_user',
				UserID: `user${i}`,
				Name: '张三',
				Department: '1,2,3',
				MainDepartment: 1,
				Position: '高级工程师',
				Mobile: '13800000000',
				Email: 'zhangsan@example.com',
				Status: 1,
				ExtAttr: {
					Item: [
						{ Name: '工号', Type: 0, Text: { Value: `E${i}` } },
						{ Name: '办公地点', Type: 0, Text: { Value: '深圳 A 座 12 楼' } },
					],
				},
			};
		default:
			return {
				...base,
				MsgType: 'event',
				Event: 'sys_approval_change',
				AgentID: 1000002,
				ApprovalInfo: {
					SpNo: String(202611210000 + i),
					SpName: '费用报销',
					SpStatus: 2,
					TemplateId: 'C4RbNJCU8hZmLB2FAbJgBkhDLXaJt8dXnJ6VsyWjb',
					ApplyTime: 1795000000,
					Applyer: { UserId: `user${i}`, Party: 2 },
					SpRecord: [1, 2, 3].map((step) => ({
						SpStatus: 2,
						ApproverAttr: 1,
						Details: {
							Approver: { UserId: `approver${step}` },
							Speech: '同意',
							SpStatus: 2,
							SpTime: 1795000100 + step,
						},
					})),
					Notifyer: [{ UserId: 'lisi' }, { UserId: 'wangwu' }],
					StatuChangeEvent: 2,
				},
			};
	}
}

export function runCrypto(): Row[] {
	const config = callbackConfig({
		token: SANDBOX_CALLBACK.token,
		encodingAesSecret: SANDBOX_CALLBACK.encodingAesKey,
		receiveId: SANDBOX_CORP_ID,
	});
	const key = parseEncodingAesKey(SANDBOX_CALLBACK.encodingAesKey);
	const timestamp = '1795000000';
	const requests = Array.from({ length: DISTINCT }, (_, i) => {
		const nonce = randomBytes(6).toString('hex');
		const encrypted = encryptWeCom(key, toXml(weComEvents(i)), SANDBOX_CORP_ID);
		return {
			method: 'POST',
			query: {
				msg_signature: weComSignature(config.token, timestamp, nonce, encrypted),
				timestamp,
				nonce,
			},
			rawBody: Buffer.from(
				toXml({ ToUserName: SANDBOX_CORP_ID, Encrypt: encrypted, AgentID: '1000002' }),
			),
		};
	});
	const options = { toleranceSeconds: 300, nowSeconds: Number(timestamp) };
	for (const request of requests) {
		const outcome = readWeComCallback(request, config, options);
		if (outcome.kind !== 'event')
			throw new Error(`row 5: a bench callback was refused: ${JSON.stringify(outcome)}`);
	}
	const weComBytes = requests.reduce((n, r) => n + r.rawBody.length, 0) / DISTINCT;

	const welinkKey = weLinkCallbackKey('sandbox-welink-client-secret');
	const welinkBodies = Array.from({ length: DISTINCT }, (_, i) =>
		encryptWeLink(
			welinkKey,
			JSON.stringify({
				timestamp: String(1795000000 + i),
				eventType: 'todo_task_status_change',
				tenantId: 'a1b2c3d4e5f6',
				data: {
					taskId: `task-${i}`,
					businessCode: 'EXPENSE',
					status: 2,
					handler: { userId: `user${i}@corp`, userNameCn: '张三', userNameEn: 'Zhang San' },
					title: { CN: '费用报销审批', EN: 'Expense approval' },
					url: `https://oa.example.cn/approval/${i}`,
				},
			}),
		),
	);
	for (const body of welinkBodies) JSON.parse(decryptWeLink(welinkKey, body));
	const welinkBytes = welinkBodies.reduce((n, b) => n + b.length, 0) / DISTINCT;

	const wecomOp = (i: number) => {
		const outcome = readWeComCallback(requests[i % DISTINCT], config, options);
		if (outcome.kind !== 'event') throw new Error('refused');
	};
	const welinkOp = (i: number) => {
		JSON.parse(decryptWeLink(welinkKey, welinkBodies[i % DISTINCT]));
	};
	progress('row 5: WeCom callback read (verify + AES-256-CBC + XML)…');
	throughput(wecomOp, WARMUP_MS);
	const wecom = throughput(wecomOp, MEASURE_MS);
	progress('row 5: WeLink callback decrypt (AES-128-GCM + JSON)…');
	throughput(welinkOp, WARMUP_MS);
	const welink = throughput(welinkOp, MEASURE_MS);
	const TARGET = 1000;
	return [
		{
			id: '5a',
			what: 'WeCom callback verify + decrypt + parse, one core (signature, AES-256-CBC, XML envelope and event)',
			measured: `${fmt.int(wecom.opsPerSecond)} ops/s`,
			target: `≥ ${fmt.int(TARGET)} ops/s (≤ 1 ms CPU per callback)`,
			pass: wecom.opsPerSecond >= TARGET,
			notes: `${fmt.int(wecom.ops)} ops in ${MEASURE_MS / 1000} s over ${DISTINCT} distinct events (text, card click, contact change, approval; avg body ${fmt.int(weComBytes)} B) through readWeComCallback; ${fmt.us(1e6 / wecom.opsPerSecond)}/op`,
		},
		{
			id: '5b',
			what: 'WeLink callback decrypt + parse, one core (AES-128-GCM with tag check, JSON)',
			measured: `${fmt.int(welink.opsPerSecond)} ops/s`,
			target: `≥ ${fmt.int(TARGET)} ops/s (≤ 1 ms CPU per callback)`,
			pass: welink.opsPerSecond >= TARGET,
			notes: `${fmt.int(welink.ops)} ops in ${MEASURE_MS / 1000} s over ${DISTINCT} distinct events (avg ${fmt.int(welinkBytes)} B encrypted); ${fmt.us(1e6 / welink.opsPerSecond)}/op; key derived once per credential`,
		},
	];
}
