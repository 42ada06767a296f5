/**
 * WeLink callback vector set A (the project's reference `welink-callback-vectors.md`): made by
 * Huawei's Java SDK (welink-sdk-java-2.1.5, CallBackV1.encrypt / encryptResponse) and checked with its
 * Python SDK; the Node-made strings use fixed IVs and were decrypted by the SDK. Data only.
 */
export const VECTOR_SECRET = 'welink-vector-A-secret-0123456789';

/** The AES-128 key the SDK derived (its keySpec field), hex. */
export const VECTOR_KEY_HEX = 'b4d4229f7dad827d4fcabebfbea696af';

export const VECTOR_TIMESTAMP = '1718000000';

export interface Vector {
	name: string;
	/** The exact plaintext (UTF-8, no trailing newline). */
	plaintext: string;
	/** Transmitted by the SDK (random IV). */
	sdk: string;
	/** Transmitted by Node with `iv` (hex); the SDK decrypts it. */
	node: string;
	iv: string;
}

export const VECTORS: Vector[] = [
	{
		name: 'A1 test handshake',
		plaintext: '{"eventType":"test","timestamp":"1718000000"}',
		sdk: 'MSysoaxiARt/rGDhH31u3Q==HWE0npTZbDMVVt8xyAlkDXYQMU4UZHBXerCZ/1OkUVDYpjAKMRzJ2YYLBTCxFDS+B4mPzaXJD2iN9GVong==',
		node: 'AAECAwQFBgcICQoLDA0ODw==rgGYWzKyZMsMicE0AJIyRkx0lK544tL7kXGY+wXpLmyDvRnWY0XRQBtL323sYv499vbAL0QnV6EjPcMh/g==',
		iv: '000102030405060708090a0b0c0d0e0f',
	},
	{
		name: 'A2 contact change with Chinese text',
		plaintext:
			'{"eventType":"userUpdate","tenantId":"E22BD2CC5F8B4EE69B931113F678A694","userId":"zhangsan@corp","userNameCn":"张三","deptNameCn":"研发部/测试组","remark":"职位变更：高级工程师","timestamp":"1718000000"}',
		sdk: 'QV/L+M672llT7PN/Tj66cw==2bI8MK7z7bStZN0s+mlb5qqargY6pIJDfJa2yt3Pimp3MuETe98GJeDPqPGpyJeQT7DvUHTHBDh194aupVHhsj+OViNimP8LIe87JbGoDPepMhvPFaRqjDvw1QlDM6WO4bGiQNkoHIQ5mam3qu9KwvAqjZPKRwt1BUNy7jReccQwIxXfH1J8f3uF1JBhxnQ2388RvS58oN4Y7gyXH5lc3p3hf1SnvE5edeBRBxSLR96AqtlD3DkTvWjc1CIHQcMdVkxs4HIu31TO9fhCOgopQ1TFluIMIsKwsKBXtPxG8xBZpJEvmtf9mGBoI38B',
		node: 'EBESExQVFhcYGRobHB0eHw==4+fpJ4xzIj85lZspXhQkRKVbGd6cNTCPyvw3uD5wCGG73FYCpkphdy9hkXWRBmnoeE/hEYHkYd8KgLE9wmsTvGH3ZPHg/RlZdAFSZ22vei7erO9M7S1foQ6/jQ7xlCRd4RGTXVtK1ITlgLzO5Emo9Dub7WHTAp62R0FDgPegnzrCbFS4DGmIvdOkJg+bOmS8F73cMWTnSiN0m5/hDt30NaaP1s61V+1Z03HSbNiyXsuwqvIenfLTojqDDnHCzuolUdD0Fbdp4Xp/LzZemgEu8w0gBDT7ttqaxXFW7yBDbMq64GT67fImY6wLys4l',
		iv: '101112131415161718191a1b1c1d1e1f',
	},
	{
		name: 'A3 long body with escapes and emoji',
		plaintext:
			'{"eventType":"deptMemberBatchChange","tenantId":"E22BD2CC5F8B4EE69B931113F678A694","deptNameCn":"华为云·WeLink 开放平台事业部","note":"含转义字符 \\"quoted\\" \\\\ 和换行\\n以及表情😀","members":[{"userId":"user01@corp","userNameCn":"员工01号","deptCode":"D1001","mobile":"+86-13800000001"},{"userId":"user02@corp","userNameCn":"员工02号","deptCode":"D1002","mobile":"+86-13800000002"},{"userId":"user03@corp","userNameCn":"员工03号","deptCode":"D1003","mobile":"+86-13800000003"},{"userId":"user04@corp","userNameCn":"员工04号","deptCode":"D1004","mobile":"+86-13800000004"},{"userId":"user05@corp","userNameCn":"员工05号","deptCode":"D1005","mobile":"+86-13800000005"},{"userId":"user06@corp","userNameCn":"员工06号","deptCode":"D1006","mobile":"+86-13800000006"},{"userId":"user07@corp","userNameCn":"员工07号","deptCode":"D1007","mobile":"+86-13800000007"},{"userId":"user08@corp","userNameCn":"员工08号","deptCode":"D1008","mobile":"+86-13800000008"},{"userId":"user09@corp","userNameCn":"员工09号","deptCode":"D1009","mobile":"+86-13800000009"},{"userId":"user10@corp","userNameCn":"员工10号","deptCode":"D1010","mobile":"+86-13800000010"},{"userId":"user11@corp","userNameCn":"员工11号","deptCode":"D1011","mobile":"+86-13800000011"},{"userId":"user12@corp","userNameCn":"员工12号","deptCode":"D1012","mobile":"+86-13800000012"},{"userId":"user13@corp","userNameCn":"员工13号","deptCode":"D1013","mobile":"+86-13800000013"},{"userId":"user14@corp","userNameCn":"员工14号","deptCode":"D1014","mobile":"+86-13800000014"},{"userId":"user15@corp","userNameCn":"员工15号","deptCode":"D1015","mobile":"+86-13800000015"},{"userId":"user16@corp","userNameCn":"员工16号","deptCode":"D1016","mobile":"+86-13800000016"},{"userId":"user17@corp","userNameCn":"员工17号","deptCode":"D1017","mobile":"+86-13800000017"},{"userId":"user18@corp","userNameCn":"员工18号","deptCode":"D1018","mobile":"+86-13800000018"},{"userId":"user19@corp","userNameCn":"员工19号","deptCode":"D1019","mobile":"+86-13800000019"},{"userId":"user20@corp","userNameCn":"员工20号","deptCode":"D1020","mobile":"+86-13800000020"}],"timestamp":"1718000000"}',
		sdk: 'T69OwnyBMZk7Z+Uy+3CG6A==GNhZquhOWqP2es8nnQqIFiXrZpiTcXVqR3BNbMHx1t1q3DgsEQo5uVdnVKe09ZMLxJTZxVld1CkLGAgtwwGCnEUWS3EIDKYnpvzDqWQW8mqxcCsQ5ZMK/5RM73EzUoFtk1Ik59vrT/jrj8/R0FVXxnx8+I0RbID0/ON61psmnTinkKb8vgHN3ubctClQ5HmWqNKTtLQSLySq5yms7gz34RdAlLnVnYxdDSv8o1cB/XJv05fgg2yRvX1TBcYQo9yyLz0hqeRb6r3ny7a6hwm6jgDDFOr+PzifguMpiapjlsgtMI6Y/wosqrz/Wyde3/W8mvzPpOBMcifeTWGZL25pvdqjw52UgPDeBMO8WNvlATQP/beMKZ3KZlGB7XDq6ZtJIZeC6QVWIC7zh/ZGOYD3/2Jdz0qUGjgZpLqHK4emLEEPrb5ASOUEy/VqlHI85shJq9aqKM0seQ7MS2m8LvwZYTjSa3KKAVpU+csrcS99aKBzcKcBK8CekPsqI42ldoBwWQWyOxNPcSjoUcvj4wnCvlU2kMrbhQKWoNFo4grInnhF/tdW8ROby+HnhTYxLy9kzsCQ9DIs716YG7i8CFUfzBEOEMOYi5CmTkTyiK7G8uaqfRlBbcNZ7Zbr+YtBuxnod0pI7QSf81h65ML4yVZCYtOMH0YihOpYXaqVChUNT8+hDeqE9IdOcVnTUlin7FGk4elwnqKaXIYklB+zhdFzpQHjsLJH2EFvE7OMo6d7tBZue2f/Y2bAkwmcDW2L7IgKdNIfazTquvXgiGNqRd05FNHzdtG8KPrzNb8Pn9wNMaghk4kg0TaPVNGad4HSey8sQfjNOijl0o7OPViFirpJ2TFM5mnlN91Oz5udYIA2x/7SSo9hU82QjCxcRqt5ZJZX1NDCNWN1xcpUvHUMKjeIGcC0l/JHgNI3EDkQPmn4PrFlrxWtHb1X+l/U4EmHQoD68fL2VTm8pyvR63ic31MqGr1lRHPRoR1Qkx/u/Y096ty68O0MmngS9pOQlWQEIDYYLmlUX7ce3COYeWTm0q3B0aUgEsaSRTUgBeWgIAmnmmlzYPyRgwY8ql2HwQ/Dw0bSD25EZF1e3sTpXHEESmJLEKczh6Rv5btSAlxwUZRT45SsCPZThV2mB3TOWBtn/rNhm17bEfH2Vdb1sou8NIQCnJiQrj4N9PYs1O52/cxw1O2uXc90YMsvlhVvPCtLNIeIC0DGF5XxHGq8+2bk5A5nLuvFJK0FpzAeGi1Unc3+dZAURvOjKblbWEjDSW/2Mhj491EO0BCSE29v7s2KjBoiHhHXHyHoODbtsBZP7HlUlqN3IgTUAI/rt8pfqoaJO/MAUHHG9t0mOUzS7t20J5JNzoqqqsIQB+SYwUqUwVed8o3QjV6KredNucFcVF3HF2Lc8AgMZuw55RPn0HfTs7ea8ZjFXpXpRhW6b0iAe9UAZ4HrXH/b3qsOZo+LSpUB0TDzBt4RDSj7YO3lRBwFu17IYMKcpJPRW4T90KFCMQNEjAajVTCvOtx9+/nGp94ihveO6whGY41MIGRsNyCBB3fmCExmP31xyqf7JVx74JB1DPPqzYJXqTkxiCYX6cbm5J2En/0e5mzifp4AkeE3wMPrZsa9sP1Lj3KCdyUjTpUVvsMCDd0XPTHzykn0+680V5JJpO82rQVgCuzr6phhtc28CXEkcFNa+uiBM79Qg7/bZSklZJxTbrDhFdhWKpnGXkVXSj631rvvh73dfrI2Cx/072ASCTM5YVnkqK49YUtPQ/k/JzqmzMQpZ+JqtmWfqbxjWUwDxy5KBbTkrcsbjEZ5WAcwh4QXq0LG3QKD4GuuUmSUKcWlyX07wAwBorjpa8aLlEIRVpgCasavs6uSzmXEKC76mUUDLXpMcCjtB4fq8eSVIV+H478b7OiYNbwyMGMqN4lKd4FRyZbdBZEzLHr0frQDOgsJTnkrIjZtF7jMFODtCC1lbLZgDc/ywZ7ypWTDfTzTpI/SOSyyPBuWJYWK5JGgx9SNa+Wk3POfc1djSSdpi/O0IzknROi8HmImC2eEHXSy/E9qvAO5UoEFxOkK2Yj6sqe8NNr0F5P+tcdq6OM1hHCBeXVYXSAwBV5g014xs+ww70NMXAXXABDKxdTGyd7mwGkRCFws9akI204IyjuvnBsgGv0TU2RbyDZhz8pxZxjt350oVjR0l8Tz7hypXU+EMVPQiSCuq34VhpaS3Ct90lIjMV0eGTRWMw01uXHfN6Ewei/nHHJmgzMq5LOtrbuwnBFx5zamzjy4eA5gHr/yc0fDIKr01d46KPOnThwpJIcatPaqV0ncFCU1aqZ/alqrODWYYJBEGKPk7OQCE/GYtCCzuCK3UHi9eZ3AynFA1zOZKpPipCM/R6HoKl7h/erFUPl49PJfUZ2o2ASMb5PjtoB4ABSisAmoi583Je5oAY3dP9u+SUWlgvJs/n+AED96asIgFd+eb3QQtjdLJz7y7mFH/agAq8G2KHd+mSDsFGK+Ypf+HFq0vk44YSyRSLgIf8hekDH0YutMzOMobpsPn7Kt6E1syLTGAtJ87Ig9DpqgvNj5C6PXjAy+H3Nl251U2ZlfXwG3LgomMLxrYQBebDiHy9ZwrDn9fz8nuYvJVIapjjBQXPpnr2ACsW4tW7++9BzvaGuemJ7PVQr2pDaTvrXgOcjQUQ6QJznuC79I7SL4AlvowvFmkfbKTvKQuR55AbyYovLM02PqwLbamryTLUTl7JucMHVnF2Vm7svBacBhjDSf7f5F99gtQskupJZ7y2wZb8WZd3DTljn8PDbMCTs/1hHY15I/7CGwWI2PFPDvFIfOQP/BD9YV4SeRBFMHbvIhrCIEBDPrbfDBoMCigrizX92xIaiJNwbCb0VgUqmyulPznWQmCq8n3p7Mnpr/M8dSrfpqTOZsEcox5YUkJiKnVnOTVMOLcABXOu/U5rrFmiXPP7x1IQ==',
		node: 'ICEiIyQlJicoKSorLC0uLw==ijX+hUNpWBFDZHyxWCFU2ZvxFj0URZlBYXcAvnq/OETHrNDseTkIiA5EimgvEPvILiNo3Npr1OrxoW05vC/p4OLCERhOWGiKcMoCIeLVd4mADKyeNGXPYin87uz5OHN7r8rotk5IcO7lUah7d2TJ9FN6GAUFdFZK9r6naCfxp1cJN5wAdwZdcRkfZr0Dy8xYslUT1/6J5OkKNg3UZC9CAavl5jJvGPR5YNoNiNUIWpRDuvgtHvanFPfJDM4/LJA/EQhWX8BepZzvQ/UsSNqHngsGZpTpz54l8quEMUSdOy89GAii3W/78IgXsgWMyMbuHq+aetLJeHDHf/v2iASK17BEXRdRuworssC3HBZGb2Sba7pNoF1OehEl2jTXJ0xFLExPLg2vkOV+LqBBsF5kqe3rYbSvISksqJBDtkG25Ce5L97zaKPpIPcdK8Z7GBs/dy6fN//1cA2P44uheZtyJ07jVuBJ9RhyuWDLEBEVWsDahcVqESj2pxuPcsLuMu7mq+vVH1kBhXUc2hvHsO+xYJIEPtCGnk7OkWU9zo5oYPdwO7zMDlKPnqbQzO0YBEtQrP9SRm2L1drtqwDZhpuVUBGVXSfuU91ibpsvnqA/keu/CURE1fcsXXI7rhtHdvegfDYrTImTROYMerwO9fB5O/hm85G5PZesnRoDl4GJ6gyjgJfyMy2IQ1Pj8QpcEzYwJ8iyXSgL/a/S640Lj5Y/oKI9va87Luzs37l9A2GMYjsWQsXrGBUlPVKvlR9WMURcGIO3S0o5Ku5Lx+pr6NO3CEpY8ktU40PVRhdRo+VkeUaVl6962MAkL/xjnQQoTRWxnYp5HN3DM8nOWUxK88O8LLtxLThcB4REPX5yX2GucuyLVLXMz77fMFFdTXp8iqiq4BwCkmcqgi5PPWsZMqg1XajhKBXZvMsUsBCl3GGAmLuPDay/4NtF1q6z3SfHLIowtAybO3yxNjZs6mEn9uP5EgXpAwpv4ef2rfpqvSJYa9PrO7QaZR6mBJGla3RvmoveGWtrOP7fhcmPI8hjVZq3Zvadn1HTJUvnLgCspb1pbQCDxwf0FoFTgMIo9ySHjTA9wMm0rp/PM2WLMObjIEhtaAROY3krmSvFf+ZSKZBFoK0XVo/OV6iGwupppdJekJpBdm7DoEGeAn1BA/Vg4k4NTCx6w8NZgZGh8OROHXXjjVe4A0Dp94ZuZ+fx/9mz/8ePyVIB9wbon+vhzzcmZ25GSl2q9LmoZhAFYc/j19E6mObcjyhEAGzSZ/QteKseI7scsIwDcDVLVKqpHovqhI1ixPI46ddtVcQybnY/wol6KGBDTETAQ+sCj/JNQt70TxUra7XKOzt7KtiDwfrukWo3/FLh3FB49T0sNYvH3FRqKQ4qG/gq7IN9rZ9EteY3J4N2We01pON6m+6dleOxlF5uO6oBBFPEYF8W/HBOip7GiT4+FGnCmGRtNxichPIuQ4h3lRrcJIlGqWLqM726V/w7Y7yTFeseNsRCTPYgoApQiSCGs9wuh6DaCFSly4zbP17yZ+RMoj6JIUL+2YMdU/vuYWFetaD4UnGDA2Bkpfk6fCV2KN1gw31GAYEP5jc9Iobvc3/09lBdHacdbGqsZF5FxGA4SN3c4UDnanktvuFtXJLyLC+gfJ85bj0EZjwq1xGyPNgsjRK5QxqRYvUZbAzY0vbOPpTVzEAKOLvgf6pC3oSwdrvG66vM6URF/KCkkciG/TE54QC/jtsFIL69xYebr0e+VnRf3ykolUVKDIbUjKj4Uig5YgzSoc8jmlqhhyJ6gExATW4+2Bhqp2YM34MU3rRtZr8l32tMTOjuE9HGYCfurSNKrMHaAZyah8CnTriarZedM82nyqsQhX4UufGBNfzL1PwyFBYkClkrjMU/vSipU1hO+z5Gb49GlEet+Atz4nbbec06XUCsaKUT8S0BEznFF2mb5XKn7q02BO09xQKBMf1u7xjiJk8s8w3qIdgFQqeVlLRS/P9veCLEH6gLhiTm4KLwcnMB88G6+nZFhlR2vXXMIwk0froL9imdAf3tOjlK8VqJSCkG0mExysrfXmWkNK8Dj9LjzLU331s9X8/k6B/sQU7bXLVGDVsRjhbLgfL2QgQLi6JutJXfx6wLWuJYa60QaXH0cnSMRA/wY1FrZvV1FAPppOe9BFz0Y4xpHI0ygSc1zmX5cyPKrpSGSkK0ewMQkkyC7woBB/SZOj4r7RM6LX8OuRgjR13ucZno1YwWu32JZum4jhpb0mhyshoClGBGeuMSPT7hAhchSR7/wPnn1UWC0LnZYtt71sKKvZ8+U2iLvKgE33yqAdhEK/qUxKdJwSQ7wPQNRucCXSoOZ/g8Y1WPgenQiQV9ZxWVI9M5Oru0dOxPsZDTTQFr7CdASEoN0eH4B4dnYVilcBVgKDYV0RJVru3JUsK170W9SjjwziX5IjJuN1VgFmMDUhLI5OHgF+TAUqF6flrnBNEPli2ojvTnB0j0RTsv0hKTorCH4rNTWlH7NQocZiunJOE1Tf/yKif8WO5NhAhlvnZETCdXOB9zqwzQkPp5wUs/QJL8lem3fAFbaD6/esw9nkrVNhmZpsmz+onda5w3VP5qZhDVolahM8ObZGIEkJXJ72tgk7eQyfs/o/nc9B/PClkwBju8aOSDl+B+0kAVldj2HvOKIrMimFUFoxSNib4MKuo4PyJHmzK0zM3d5zJ+iW1pGwg6Axo2rdAw7CNUH5swLVMdJZUGvqIVwJhXcIuNhyocp3wxn4B1kaSzBbJLZNm8LafEepLcyFx3I/mmNcOzUQOLD31pAjmI4jr9vAnTXUmKhPuj36rspLZlaktmbVAgfESd/DZmm+YBQjqtv5hshk8e54IfJVcpggPO/Nm4LNxoYwCTdmP5dvwWs/PbY95SIl+2x1CT7LALC8SIAXD5oW3caf4uyxZ7VNVLY9V3NU/ldbmUyAcTlQ==',
		iv: '202122232425262728292a2b2c2d2e2f',
	},
];

/** The exact HTTP body the SDK's caller sends (note the space after the colon). */
export const sdkBody = (encrypted: string) => `{"encrypt": "${encrypted}"}`;

/** encryptResponse() with the clock at the vector timestamp, and a Node-made reply (fixed IV). */
export const REPLY_SDK =
	'4RJCZSAnXF4dMGpkVsmIFA==RNT/YD/RmKTdEo9Zx4VpsC5euFtiro/0UtUnWybL9rHTg77PNMUVu4i+7iMTnXc3DqPL7cxg1nJGBw==';
export const REPLY_NODE =
	'8ODQwLCgkIBwYFBAMCAQAA==ddcYwakYvHsjiodcnzyGvx66m040bw9iXhGtiZ0b7HFg+MdJH5TbK+2EpWYpWu5sx5Bdf5s0SWvkQQ==';
export const REPLY_NODE_IV = 'f0e0d0c0b0a090807060504030201000';
export const REPLY_PLAINTEXT = '{"msg":"success","timestamp":"1718000000"}';

/** Inputs the SDK's decrypt() refuses (derived from A1's SDK string), and why. */
export const NEGATIVE: Array<[string, string, 'tag' | 'malformed']> = [
	[
		'ct-char-28-changed',
		'MSysoaxiARt/rGDhH31u3Q==HWE0ApTZbDMVVt8xyAlkDXYQMU4UZHBXerCZ/1OkUVDYpjAKMRzJ2YYLBTCxFDS+B4mPzaXJD2iN9GVong==',
		'tag',
	],
	[
		'iv-changed',
		'ASysoaxiARt/rGDhH31u3Q==HWE0npTZbDMVVt8xyAlkDXYQMU4UZHBXerCZ/1OkUVDYpjAKMRzJ2YYLBTCxFDS+B4mPzaXJD2iN9GVong==',
		'tag',
	],
	['short(<=24)', 'MSysoaxiARt/rGDhH31u3Q==', 'malformed'],
];
