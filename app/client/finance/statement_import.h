#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace keel {
class ApiClient;
}

namespace keel::finance {

// Sends a bank statement CSV to POST /banking/accounts/{id}/statements. The file is checked
// here first (the header, and that it is text) so a wrong file is refused with a sentence
// before anything travels; the server checks every row and imports all or nothing.
class StatementImport : public QObject
{
    Q_OBJECT
public:
    explicit StatementImport(ApiClient *api, QObject *parent = nullptr);

    // Empty when the bytes look like a statement: "date,amount,reference,counterparty" first.
    static QString problemWith(const QByteArray &csv);
    static int lineCount(const QByteArray &csv); // data rows, header excluded

    bool importFile(const QString &bankAccountId, const QString &path);
    void importBytes(const QString &bankAccountId, const QByteArray &csv,
                     const QString &fileName = {});
    bool isBusy() const { return m_busy; }

signals:
    // The server's counts: lines added, and lines it already had (skipped).
    void imported(int lines, int duplicates);
    void failed(const QString &message);

private:
    QPointer<ApiClient> m_api;
    QNetworkAccessManager *m_nam = nullptr;
    bool m_busy = false;
};

} // namespace keel::finance
