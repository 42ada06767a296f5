import type { ApiContext } from '../../../shared/transport';
import { weComApiRequest } from '../../transport';

/** Members with customer contact (配置了客户联系功能的成员, get_follow_user_list, path/92571). */
export async function followUsers(ctx: ApiContext, itemIndex?: number): Promise<string[]> {
	const response = await weComApiRequest.call(ctx, {
		method: 'GET',
		path: '/cgi-bin/externalcontact/get_follow_user_list',
		idempotent: true,
		itemIndex,
	});
	return ((response.follow_user as unknown[] | undefined) ?? []).map(String);
}
