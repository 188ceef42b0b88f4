// The collection: the converter's folders (one per OpenAPI tag) with the hand-kept layer on top,
// and the "Historia BTG" and "Administración" folders first. Deterministic: the same
// openapi.json always gives the same bytes, which is what the drift test compares.
import { convertOpenApi } from './convert.mjs';
import { adminFolder } from './layer/admin.mjs';
import { buildEnvironments } from './layer/environments.mjs';
import { applyOperationLayer } from './layer/generated.mjs';
import { bearer } from './layer/request.mjs';
import { storyFolder } from './layer/story.mjs';
import { assignStableIds } from './stable-ids.mjs';

export const COLLECTION_FILE = new URL('../btg-funds.postman_collection.json', import.meta.url);
export const ENVIRONMENT_FILES = {
  local: new URL('../local.postman_environment.json', import.meta.url),
  aws: new URL('../aws.postman_environment.json', import.meta.url),
};
export const OPENAPI_JSON = new URL('../../openapi.json', import.meta.url);

const USAGE = `
## Cómo usarla

1. Importe esta colección y un entorno (\`postman/local.postman_environment.json\` o \`postman/aws.postman_environment.json\`) y selecciónelo.
2. Ejecute la carpeta **Historia BTG** (Run folder): registra un cliente nuevo, ingresa, se suscribe, ve el rechazo de FDO-ACCIONES, cancela y lee el historial; cada paso lleva sus pruebas.
3. Las demás carpetas salen de openapi.json (una por etiqueta). **Ingresar** guarda {{accessToken}} y {{refreshToken}}; las solicitudes protegidas envían \`Authorization: Bearer {{accessToken}}\`. **Suscribirse** guarda {{subscriptionId}} y {{transactionId}} para las solicitudes que los piden.
4. **Administración** necesita un servidor arrancado con ADMIN_EMAIL y ADMIN_PASSWORD iguales a adminEmail y adminPassword del entorno.
`;

/** The variables the collection declares; an environment overrides baseUrl and the admin. */
function collectionVariables(document) {
  const local = document.servers?.find((server) => /^https?:\/\//.test(server.url));
  return [
    { key: 'baseUrl', value: local?.url ?? 'http://127.0.0.1:3000' },
    { key: 'accessToken', value: '' },
    { key: 'refreshToken', value: '' },
    // Only for the throw-away clients that "Historia BTG" registers.
    { key: 'storyPassword', value: 'historia-btg-2026' },
  ];
}

/** The collection object for an OpenAPI document's text. */
export function buildCollection(documentText) {
  const document = JSON.parse(documentText);
  const converted = convertOpenApi(documentText);
  applyOperationLayer(converted.item, document);
  const collection = {
    info: {
      _postman_id: '',
      name: converted.info.name,
      description: {
        content: `${converted.info.description.content}\n${USAGE}`,
        type: 'text/markdown',
      },
      schema: converted.info.schema,
    },
    auth: bearer('accessToken'),
    item: [storyFolder(), adminFolder(), ...converted.item],
    variable: collectionVariables(document),
  };
  return assignStableIds(collection);
}

/** The bytes of a generated JSON file: two-space JSON and a final newline, like openapi.json. */
export function serialize(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Every generated file: URL → contents. */
export function buildFiles(documentText) {
  const environments = buildEnvironments();
  return new Map([
    [COLLECTION_FILE, serialize(buildCollection(documentText))],
    [ENVIRONMENT_FILES.local, serialize(environments.local)],
    [ENVIRONMENT_FILES.aws, serialize(environments.aws)],
  ]);
}
