#pragma once

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace keel {
class ApiClient;
}

namespace keel::billing {

// GET /api/v1/billing/invoices/{id}/pdf. ApiClient speaks JSON only, so the PDF comes through
// a request of its own with the session's token; a 401 (expired token) asks ApiClient for
// something small first, which refreshes the session, and tries once more.
class InvoicePdfFetch : public QObject
{
    Q_OBJECT
public:
    explicit InvoicePdfFetch(ApiClient *api, QObject *parent = nullptr);

    void fetch(const QString &invoiceId);
    bool isBusy() const { return m_busy; }

signals:
    void fetched(const QString &invoiceId, const QByteArray &pdf);
    void failed(const QString &invoiceId, const QString &message);

private:
    void request(const QString &invoiceId, bool retried);

    QPointer<ApiClient> m_api;
    QNetworkAccessManager *m_nam = nullptr;
    bool m_busy = false;
};

} // namespace keel::billing
