#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace keel {
class ApiClient;
}

namespace keel::insights {

// The invoice-anomaly flags the billing review shows beside drafts, as sentences. Silent by
// design: without insights.use, without a trained model or on any failure it answers no
// flags, and the review looks as it did before insights.
class InvoiceFlagsFetch : public QObject
{
    Q_OBJECT
public:
    explicit InvoiceFlagsFetch(ApiClient *api, QObject *parent = nullptr);

    // Every flagged draft of the entity (empty: every entity the user may see).
    void fetchFlagged(const QString &entity);
    // One invoice's flags.
    void fetchInvoice(const QString &invoiceId);

signals:
    void flaggedLoaded(const QHash<QString, QStringList> &sentencesByInvoice);
    void invoiceLoaded(const QString &invoiceId, const QStringList &sentences);

private:
    QPointer<ApiClient> m_api;
    int m_flaggedGeneration = 0;
    int m_invoiceGeneration = 0;
};

} // namespace keel::insights
