import type { components, operations, paths } from './generated/openapi.js';

type Schemas = components['schemas'];

/** The typed routes of the API, for openapi-fetch (generated from openapi.json). */
export type Paths = paths;
export type { components, operations };

export type ClientProfile = Schemas['ClientProfile'];
export type Fund = Schemas['Fund'];
export type Subscription = Schemas['Subscription'];
export type Transaction = Schemas['Transaction'];
export type TransactionPage = Schemas['TransactionPage'];
export type Notification = Schemas['Notification'];
export type OperationResult = Schemas['OperationResult'];
export type TokenPair = Schemas['TokenPair'];
export type Problem = Schemas['Problem'];
/** Every `code` this version of the contract documents. */
export type ProblemCode = Schemas['ProblemCode'];
export type RegisterRequest = Schemas['RegisterRequest'];
export type LoginRequest = Schemas['LoginRequest'];
export type SubscribeRequest = Schemas['SubscribeRequest'];
