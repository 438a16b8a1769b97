#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace keel {
class ApiClient;
}
namespace keel::delivery {
class JsonArrayModel;
}

namespace keel::finance {

// One journal entry with its lines (GET /ledger/entries/{id}) for the entry viewer: the
// header in words, the lines with transaction and functional amounts and the rate used.
class JournalEntry : public QObject
{
    Q_OBJECT
public:
    explicit JournalEntry(ApiClient *api, QObject *parent = nullptr);

    void load(const QString &entryId);
    delivery::JsonArrayModel *lines() const { return m_lines; }
    const QJsonObject &entry() const { return m_entry; }
    QString lastError() const { return m_error; }

    // "Invoice 42", "Vendor bill 7", "Manual journal" …: what posted the entry.
    static QString sourceText(const QString &sourceType, const QString &sourceId);
    static QString statusText(const QString &status);

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    QPointer<ApiClient> m_api;
    delivery::JsonArrayModel *m_lines;
    QJsonObject m_entry;
    QString m_error;
};

} // namespace keel::finance
