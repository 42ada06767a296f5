/**
 * IDs WeCom issues without publishing a format (external_userid, chat_id, template_id, tag and
 * control IDs): one token of letters, digits and _-@. — never spaces, separators or names.
 */
export const OPAQUE_ID = /^[\w@.-]{1,128}$/;
