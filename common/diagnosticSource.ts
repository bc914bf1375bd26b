/** The `source` of the language server's diagnostics: how the client tells its findings from other extensions'. */
export const DIAGNOSTIC_SOURCE = 'SES';
