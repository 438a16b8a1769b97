#include "invoice_flags.h"

#include "api_client.h"
#include "api_reply.h"
#include "insights_answers.h"
#include "insights_api.h"
#include "insights_text.h"

#include <QJsonArray>

namespace keel::insights {

namespace {
QHash<QString, QStringList> sentencesOf(const QJsonObject &answer)
{
    QHash<QString, QStringList> out;
    for (const QJsonValue &v : answer.value(QStringLiteral("items")).toArray()) {
        const FlaggedInvoice f = FlaggedInvoice::fromJson(v.toObject());
        QStringList sentences;
        for (const InsightsReason &r : f.flags)
            sentences.append(reasonSentence(r));
        if (!sentences.isEmpty())
            out.insert(f.id, sentences);
    }
    return out;
}
} // namespace

InvoiceFlagsFetch::InvoiceFlagsFetch(ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{}

void InvoiceFlagsFetch::fetchFlagged(const QString &entity)
{
    if (!m_api)
        return;
    const int generation = ++m_flaggedGeneration;
    ApiReply *reply = m_api->get(InsightsApi::invoiceAnomaliesPath(entity, {}, false));
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_flaggedGeneration)
            return;
        emit flaggedLoaded(reply->ok() ? sentencesOf(reply->object())
                                       : QHash<QString, QStringList>());
    });
}

void InvoiceFlagsFetch::fetchInvoice(const QString &invoiceId)
{
    if (!m_api)
        return;
    const int generation = ++m_invoiceGeneration;
    ApiReply *reply = m_api->get(InsightsApi::invoiceAnomaliesPath({}, invoiceId, false));
    connect(reply, &ApiReply::finished, this, [this, reply, generation, invoiceId] {
        if (generation != m_invoiceGeneration)
            return;
        emit invoiceLoaded(invoiceId, reply->ok() ? sentencesOf(reply->object()).value(invoiceId)
                                                  : QStringList());
    });
}

} // namespace keel::insights
