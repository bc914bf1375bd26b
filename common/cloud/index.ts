// The one entry point of the SES API client for code outside the VS Code extension (the command
// line, server/src/cli/account): everything here is free of `vscode` imports, so it runs in plain node.
export { SesClient, type SesClientOptions } from './sesClient';
export { credentialsFromEnvironment, credentialsFromTccli, CredentialFileError, validateCredentials } from './credentials';
export { endpointForDisplay, endpointUrl, siteOfRegion } from './endpoints';
export { lookupBlocklist, BLOCKLIST_DAYS, type BlocklistStatus } from './blocklist';
export {
  configKey, configTemplateName, decodeTemplateContent, encodeTemplateContent, fileBaseName, linkedTemplates, listAllTemplates,
  partFileName, pushDecision, statusKind, templateNameProblem, withTemplateId, PART_KINDS,
  type PartKind, type PushDecision, type StatusKind, type TemplateParts,
} from './templateSync';
export type { ApiFailure, ApiResult, Credentials, SesRegion, SesSite, TemplatesMetadata } from './types';
// Pure helpers of the test send, kept beside the commands that use them in the editor.
export { sendEmailRequest, templateDataOf, fillSubject, unsubscribeFor, type SendPlan } from './sendPlan';
export { templateSendConfig, defaultRegion, REGIONS, type TemplateSendConfig } from './sesConfigFile';
