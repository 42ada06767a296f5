/**
 * IDs WeCom issues without publishing a format (external_userid, chat_id, template_id, tag and
 * control IDs): one token of letters, digits and _-@. — never spaces, separators or names.
 */
export const OPAQUE_ID = /^[\w@.-]{1,128}$/;

/** WeCom member IDs (账号): 1–64 of letters, digits and _-@., starting with a letter or digit. */
export const USERID = /^[A-Za-z0-9][A-Za-z0-9_\-@.]{0,63}$/;

/** The rule, for error messages: `"x" is not a member ID (${USERID_RULE})`. */
export const USERID_RULE = '账号: 1–64 letters, digits or _-@.';
