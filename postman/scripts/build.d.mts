// Types of build.mjs for the tests (the generator itself is plain JS, run by node).
export interface PostmanScript {
  listen: 'prerequest' | 'test';
  script: { type: string; exec: string[] };
}
export interface PostmanUrl {
  raw?: string;
  host: string[];
  path: string[];
  query?: { key: string; value: string; disabled?: boolean }[];
  variable?: { key: string; value: string }[];
}
export interface PostmanAuth {
  type: 'bearer' | 'noauth';
  bearer?: { key: string; value: string; type: string }[];
}
export interface PostmanRequestItem {
  id: string;
  name: string;
  event?: PostmanScript[];
  request: {
    method: string;
    url: PostmanUrl;
    auth?: PostmanAuth | null;
    header: { key: string; value: string; disabled?: boolean }[];
    body?: { mode: 'raw'; raw: string };
  };
  response: { id: string; name: string; code: number; body?: string }[];
}
export interface PostmanFolder {
  name: string;
  description?: string;
  auth?: PostmanAuth;
  item: PostmanRequestItem[];
}
export interface PostmanCollection {
  info: { _postman_id: string; name: string; schema: string };
  auth: PostmanAuth;
  item: PostmanFolder[];
  variable: { key: string; value: string }[];
}
export interface PostmanEnvironment {
  id: string;
  name: string;
  values: { key: string; value: string; type: string; enabled: boolean }[];
}

export declare const COLLECTION_FILE: URL;
export declare const ENVIRONMENT_FILES: { local: URL; aws: URL };
export declare const OPENAPI_JSON: URL;
export declare function buildCollection(documentText: string): PostmanCollection;
export declare function serialize(value: unknown): string;
export declare function buildFiles(documentText: string): Map<URL, string>;
