#include "openapi.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace keel {

namespace {
QJsonObject readObject(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void mergeInto(QJsonObject &target, const QJsonObject &source)
{
    for (auto it = source.begin(); it != source.end(); ++it)
        target.insert(it.key(), it.value());
}
} // namespace

QJsonObject openApiDocument()
{
    QJsonObject doc = readObject(QStringLiteral(":/api/openapi.json"));
    QJsonObject paths = doc.value("paths").toObject();
    QJsonObject components = doc.value("components").toObject();
    QJsonObject schemas = components.value("schemas").toObject();
    const QDir dir(QStringLiteral(":/api/paths"));
    for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QJsonObject fragment = readObject(dir.filePath(file));
        mergeInto(paths, fragment.value("paths").toObject());
        mergeInto(schemas, fragment.value("schemas").toObject());
    }
    components.insert("schemas", schemas);
    doc.insert("components", components);
    doc.insert("paths", paths);
    return doc;
}

} // namespace keel
