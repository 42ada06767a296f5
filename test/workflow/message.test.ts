import type { IDataObject } from 'n8n-workflow';

import { seedLargeContacts } from '../../sandbox/wecom/contacts.cjs';
import { SANDBOX_ROBOT_KEY } from '../../sandbox/wecom/world.cjs';
import { runNode } from '../harness/run.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';

describe('Messages against the sandbox', () => {
	const { sandbox, weComCredentials } = sandboxForTests();
	const credentials = () => ({
		...weComCredentials(),
		wecomWelinkWeComRobotApi: {
			webhookSecret: `${sandbox.url}/cgi-bin/webhook/send?key=${SANDBOX_ROBOT_KEY}`,
		},
	});
	const message = async (
		operation: string,
		parameters: IDataObject,
		items?: IDataObject[] | Array<{ json: IDataObject; binary: IDataObject }>,
		continueOnFail = false,
	) =>
		await runNode(
			{
				type: 'weCom',
				parameters: { resource: 'message', operation, ...parameters },
				continueOnFail,
			},
			{ credentials: credentials(), items: items as IDataObject[] },
		);
	const store = () => sandbox.state.wecom.messages;

	it('sends to 2,500 members in 3 calls, with one token, and reports invalid members', async () => {
		seedLargeContacts(sandbox.state.wecom.contacts, 50, 2500);
		const members = [...Array.from({ length: 2498 }, (_, i) => `u${i}`), 'ghost1', 'ghost2'];
		const run = await message('send', {
			recipients: { members },
			messageType: 'text',
			content: '全员通知',
		});
		expect(run.error).toBeUndefined();
		expect(sandbox.state.log.counts()).toEqual({
			'/cgi-bin/gettoken': 1,
			'/cgi-bin/message/send': 3,
		});
		const [out] = run.output('Node');
		expect(out).toMatchObject({ calls: 3, invalidUsers: ['ghost1', 'ghost2'] });
		expect((out.msgIds as string[]).length).toBe(3);
		expect(store().sent.reduce((n, m) => n + m.delivered.length, 0)).toBe(2498);
	});

	it('repeats a send whose answer was lost, and WeCom’s duplicate check delivers it once', async () => {
		sandbox.state.faults.add({
			platform: 'wecom',
			path: '/cgi-bin/message/send',
			kind: 'drop-after',
		});
		const run = await message('send', {
			recipients: { members: 'lisi' },
			messageType: 'text',
			content: '报销已到账',
		});
		expect(run.error).toBeUndefined();
		expect(sandbox.state.log.all({ path: '/cgi-bin/message/send' })).toHaveLength(2);
		expect(store().sent).toHaveLength(1);
		expect(store().duplicatesSuppressed).toBe(1);
		expect(run.output('Node')[0].msgId).toBe(store().sent[0].msgid);
	});

	it('shows a send WeCom’s duplicate check held back: an identical one within the window, in a later run too', async () => {
		const parameters = {
			recipients: { members: 'lisi' },
			messageType: 'text',
			content: '={{ $json.text }}',
		};
		// The workflow's static data, kept between production runs as n8n keeps it.
		const staticData: IDataObject = {};
		const run = async (texts: string[]) =>
			await runNode(
				{ type: 'weCom', parameters: { resource: 'message', operation: 'send', ...parameters } },
				{ credentials: credentials(), items: texts.map((text) => ({ text })), staticData },
			);
		const first = await run(['会议改到三点', '会议改到三点', '会议室 302']);
		expect(first.error).toBeUndefined();
		const [sent, repeat, other] = first.output('Node');
		expect(sent).toMatchObject({ duplicateSuppressed: false });
		expect(repeat).toMatchObject({ duplicateSuppressed: true, duplicateOf: [sent.msgId] });
		expect(other).toMatchObject({ duplicateSuppressed: false });
		const later = await run(['会议改到三点']);
		expect(later.output('Node')[0]).toMatchObject({
			duplicateSuppressed: true,
			duplicateOf: [sent.msgId],
		});
		// WeCom (the sandbox) delivered each text once and held the two repeats back.
		expect(store().sent.map((m) => m.payload.content)).toEqual(['会议改到三点', '会议室 302']);
		expect(store().duplicatesSuppressed).toBe(2);
	});

	it('does not repeat a send without the duplicate check when the answer was lost', async () => {
		sandbox.state.faults.add({
			platform: 'wecom',
			path: '/cgi-bin/message/send',
			kind: 'drop-after',
		});
		const run = await message('send', {
			recipients: { members: 'lisi' },
			messageType: 'text',
			content: 'x',
			options: { duplicateCheck: false },
		});
		expect(run.error?.message).toBe(
			'WeCom request POST /cgi-bin/message/send failed: the connection was closed before an answer came',
		);
		expect(run.error?.description).toContain('not repeated automatically');
		expect(store().sent).toHaveLength(1);
	});

	it('resolves mobiles, uploads an image from binary, and the media can be downloaded again', async () => {
		const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(200, 3)]);
		const run = await message(
			'send',
			{
				recipients: { members: '+86 13800000002, 13999999999', membersAreMobiles: true },
				messageType: 'image',
				mediaSource: 'binary',
				binaryPropertyName: 'data',
			},
			[
				{
					json: {},
					binary: {
						data: {
							data: png.toString('base64'),
							mimeType: 'image/png',
							fileName: 'chart.png',
							fileExtension: 'png',
						},
					},
				},
			],
		);
		expect(run.error).toBeUndefined();
		const [out] = run.output('Node');
		expect(out).toMatchObject({ unresolvedMobiles: ['13999999999'] });
		expect(store().sent[0]).toMatchObject({ msgtype: 'image', delivered: ['lisi'] });
		const download = await runNode(
			{
				type: 'weCom',
				parameters: { resource: 'media', operation: 'download', mediaId: out.mediaId },
			},
			{ credentials: credentials() },
		);
		const [item] = download.items('Node');
		expect(Buffer.from(item.binary?.data.data as string, 'base64').equals(png)).toBe(true);
		expect(item.json).toMatchObject({ fileName: 'chart.png', mimeType: 'image/png' });
	});

	it('recalls within 24 hours and explains why it cannot after that', async () => {
		const sent = await message('send', {
			recipients: { members: 'wangwu' },
			messageType: 'text',
			content: 'oops',
		});
		const { msgIds } = sent.output('Node')[0] as { msgIds: string[] };
		const recalled = await message('recall', { msgIds: '={{ $json.ids }}' }, [{ ids: msgIds }]);
		expect(recalled.output('Node')).toEqual([{ recalled: msgIds, count: 1 }]);
		expect(store().sent[0].recalled).toBe(true);

		const late = await message('send', {
			recipients: { members: 'wangwu' },
			messageType: 'text',
			content: 'later',
		});
		sandbox.state.clockOffsetMs += 25 * 3600_000;
		const tooLate = await message('recall', {
			msgIds: (late.output('Node')[0] as { msgId: string }).msgId,
		});
		expect(tooLate.error?.message).toBe(
			'Could not recall 1 of 1 messages: WeCom: message can only be recalled within 24 hours (40058)',
		);
		expect(tooLate.error?.description).toContain('within the last 24 hours');
	});

	it('updates a button card once per response code', async () => {
		const sent = await message('send', {
			recipients: { members: 'zhangsan' },
			messageType: 'template_card',
			cardType: 'button_interaction',
			cardMainTitle: '出差审批',
			cardTaskId: 'trip-7',
			cardButtons: { button: [{ text: '同意', key: 'ok' }] },
		});
		const { responseCode } = sent.output('Node')[0] as { responseCode: string };
		const update = await message('updateTemplateCard', {
			responseCode,
			replaceButtonText: '已同意',
		});
		expect(update.output('Node')[0]).toMatchObject({ updated: true });
		expect(store().sent[0].cardUpdates).toEqual([
			expect.objectContaining({ button: { replace_name: '已同意' }, atall: 1 }),
		]);
		const again = await message('updateTemplateCard', {
			responseCode,
			replaceButtonText: '已同意',
		});
		expect(again.error?.message).toBe('WeCom: invalid response_code (40058)');
	});

	it('posts markdown and a file through the group robot', async () => {
		const robot = async (
			parameters: IDataObject,
			items?: Array<{ json: IDataObject; binary: IDataObject }>,
		) =>
			await runNode(
				{ type: 'weCom', parameters: { resource: 'groupRobot', operation: 'send', ...parameters } },
				{ credentials: credentials(), items: items as IDataObject[] },
			);
		expect(
			(await robot({ robotMessageType: 'markdown', content: '## 日报\n- 完成 3 项' })).error,
		).toBeUndefined();
		const pdf = Buffer.from('%PDF-1.4 report body');
		const file = await robot({ robotMessageType: 'file', binaryPropertyName: 'data' }, [
			{
				json: {},
				binary: {
					data: {
						data: pdf.toString('base64'),
						mimeType: 'application/pdf',
						fileName: 'r.pdf',
						fileExtension: 'pdf',
					},
				},
			},
		]);
		expect(file.error).toBeUndefined();
		const robotState = sandbox.state.wecom.robots.get(SANDBOX_ROBOT_KEY);
		expect(robotState?.messages.map((m) => m.msgtype)).toEqual(['markdown', 'file']);
	});
});
