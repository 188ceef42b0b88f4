export declare const OPENAPI_JSON: URL;
export declare const TYPES_FILE: URL;
export declare function generateTypes(documentText: string): Promise<string>;
export declare function writeTypes(): Promise<void>;
