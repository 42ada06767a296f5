import { cdata, parseXml, XmlError } from '../../../nodes/shared/xml';

describe('XML reader', () => {
	it('reads CDATA containing "]" and "]]", empty values, numbers kept as text', () => {
		const { name, value } = parseXml(
			'<xml><Content><![CDATA[a]b]]c] ]]></Content><Empty></Empty><Self/><MsgId>4561255354251345929</MsgId></xml>',
		);
		expect(name).toBe('xml');
		expect(value).toEqual({
			Content: 'a]b]]c] ',
			Empty: '',
			Self: '',
			MsgId: '4561255354251345929',
		});
	});

	it('joins split CDATA sections (how a "]]>" inside text is written)', () => {
		expect(parseXml(`<x>${cdata('before ]]> after')}</x>`).value).toBe('before ]]> after');
	});

	it('keeps nested and repeated elements (SelectedItems, ApprovalInfo)', () => {
		const xml = `<xml><SelectedItems>
			<SelectedItem><QuestionKey><![CDATA[q1]]></QuestionKey><OptionIds><OptionId><![CDATA[a]]></OptionId><OptionId><![CDATA[b]]></OptionId></OptionIds></SelectedItem>
			<SelectedItem><QuestionKey><![CDATA[q2]]></QuestionKey><OptionIds><OptionId><![CDATA[c]]></OptionId></OptionIds></SelectedItem>
		</SelectedItems>
		<ApprovalInfo><SpNo>202611210001</SpNo><SpRecord><SpStatus>2</SpStatus><Details><Approver><UserId><![CDATA[lisi]]></UserId></Approver><Speech><![CDATA[同意]]></Speech></Details></SpRecord></ApprovalInfo></xml>`;
		expect(parseXml(xml).value).toEqual({
			SelectedItems: {
				SelectedItem: [
					{ QuestionKey: 'q1', OptionIds: { OptionId: ['a', 'b'] } },
					{ QuestionKey: 'q2', OptionIds: { OptionId: 'c' } },
				],
			},
			ApprovalInfo: {
				SpNo: '202611210001',
				SpRecord: { SpStatus: '2', Details: { Approver: { UserId: 'lisi' }, Speech: '同意' } },
			},
		});
	});

	it('decodes entities and numeric references; ignores attributes, comments and the declaration', () => {
		expect(
			parseXml(
				'<?xml version="1.0"?><!-- hi --><a x="1"><b>&lt;tag&gt; &amp; &#20013;&#x6587; &quot;q&quot;</b></a>',
			).value,
		).toEqual({
			b: '<tag> & 中文 "q"',
		});
	});

	it.each([
		['<xml><a>1</b></xml>', /Expected <\/a> but found <\/b>/],
		['<xml><a>1</a>', /Unclosed element <xml>/],
		['<xml><a><![CDATA[x</a></xml>', /Unterminated CDATA/],
		[
			'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
			/DOCTYPE and entity declarations are not allowed/,
		],
		['<xml>&e;</xml>', /Unterminated entity|&e;/],
		['<xml></xml><another/>', /Content after the root element/],
		['not xml', /Expected "<"/],
		['', /Expected "<"/],
	])('refuses %s', (xml, message) => {
		expect(() => parseXml(xml)).toThrow(XmlError);
		expect(() => parseXml(xml)).toThrow(message);
	});

	it('refuses oversized and absurdly deep documents', () => {
		expect(() => parseXml(`<x>${'a'.repeat(100)}</x>`, 50)).toThrow(/longer than 50/);
		expect(() => parseXml(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`)).toThrow(
			/nested too deeply/,
		);
	});
});
