#pragma once

#include <QJsonObject>

namespace keel {

// The OpenAPI document: docs/api/openapi.json (info, security, shared schemas) with every
// context's fragment docs/api/paths/<context>.json merged in ("paths" and
// "components/schemas"), so each context documents its routes in its own file.
QJsonObject openApiDocument();

} // namespace keel
