/**
 * Holds every answer a test receives to the OpenAPI document the same app serves: the status
 * must be documented for the operation, and a problem's `code` must be in that status's enum.
 * So each test that goes through `Api` also proves the document tells the truth.
 */
interface ProblemContent {
  readonly schema?: { readonly allOf?: readonly { properties?: { code?: { enum?: string[] } } }[] };
}
interface Operation {
  readonly responses: Record<string, { content?: Record<string, ProblemContent> }>;
}
interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
}
interface Route {
  readonly pattern: RegExp;
  readonly template: string;
  readonly operations: Record<string, Operation>;
}

export class ContractCheck {
  private routes: Promise<Route[]> | undefined;

  constructor(private readonly fetchDocument: () => Promise<Document>) {}

  async verify(method: string, url: string, status: number, body: unknown): Promise<void> {
    const path = new URL(url, 'http://test').pathname;
    const route = (await this.load()).find((r) => r.pattern.test(path));
    const operation = route?.operations[method.toLowerCase()];
    // Unknown routes and methods (404/405 by the router) belong to no operation.
    if (route === undefined || operation === undefined) return;
    const where = `${method} ${route.template} → ${status}`;
    const response = operation.responses[String(status)];
    if (response === undefined) throw new Error(`undocumented status: ${where}`);
    const problem = response.content?.['application/problem+json'];
    if (problem === undefined) return;
    const codes = problem.schema?.allOf?.[1]?.properties?.code?.enum ?? [];
    const code = (body as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || !codes.includes(code)) {
      throw new Error(`undocumented code ${String(code)}: ${where} lists [${codes.join(', ')}]`);
    }
  }

  private load(): Promise<Route[]> {
    this.routes ??= this.fetchDocument().then((doc) =>
      Object.entries(doc.paths).map(([template, operations]) => ({
        template,
        operations,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      })),
    );
    return this.routes;
  }
}
