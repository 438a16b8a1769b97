#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace keel {
class ApiClient;
}

namespace keel::finance {

// Sends a CSV of exchange rates (`date,from,to,rate`, header optional) to POST
// /fx/rates/import. The server takes all lines or none; when it refuses the file, the first
// line and column it names are kept so the user is told where to look.
class FxRateImport : public QObject
{
    Q_OBJECT
public:
    explicit FxRateImport(ApiClient *api, QObject *parent = nullptr);

    bool importFile(const QString &path);
    void importBytes(const QByteArray &csv);
    bool isBusy() const { return m_busy; }
    // Of the last refusal: 0 / "" when the server named none.
    int errorLine() const { return m_line; }
    QString errorColumn() const { return m_column; }

    // "lines/3/rate" or "line 3, column rate: …" -> 3 and "rate".
    static void locate(const QString &field, const QString &message, int *line, QString *column);

signals:
    void imported(int rates);
    void failed(const QString &message);

private:
    QPointer<ApiClient> m_api;
    QNetworkAccessManager *m_nam = nullptr;
    bool m_busy = false;
    int m_line = 0;
    QString m_column;
};

} // namespace keel::finance
