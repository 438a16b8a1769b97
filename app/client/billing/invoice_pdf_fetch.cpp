#include "invoice_pdf_fetch.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem.h"
#include "problem_text.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace keel::billing {

InvoicePdfFetch::InvoicePdfFetch(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

void InvoicePdfFetch::fetch(const QString &invoiceId)
{
    if (!m_api || invoiceId.isEmpty())
        return;
    m_busy = true;
    request(invoiceId, false);
}

void InvoicePdfFetch::request(const QString &invoiceId, bool retried)
{
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    QNetworkRequest req(QUrl(m_api->baseUrl().toString(QUrl::StripTrailingSlash) +
                             QStringLiteral("/api/v1/billing/invoices/%1/pdf").arg(invoiceId)));
    req.setRawHeader("Authorization", "Bearer " + m_api->accessToken().toUtf8());
    req.setRawHeader("Accept", "application/pdf, application/problem+json");
    req.setTransferTimeout(30000);
    QNetworkReply *reply = m_nam->get(req);
    connect(reply, &QNetworkReply::finished, this, [this, reply, invoiceId, retried] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 401 && !retried && m_api) {
            // Any authenticated JSON call refreshes an expired token; then once more.
            ApiReply *me = m_api->get(QStringLiteral("/api/v1/me"));
            connect(me, &ApiReply::finished, this, [this, me, invoiceId] {
                if (!me->ok()) {
                    m_busy = false;
                    emit failed(invoiceId, humanMessage(me->problem()));
                    return;
                }
                request(invoiceId, true);
            });
            return;
        }
        m_busy = false;
        if (status >= 200 && status < 300 && body.startsWith("%PDF")) {
            emit fetched(invoiceId, body);
            return;
        }
        if (status == 0) {
            emit failed(invoiceId, humanMessage(networkProblem(reply->errorString())));
            return;
        }
        Problem p = Problem::fromJson(QJsonDocument::fromJson(body).object());
        p.status = status >= 200 && status < 300 ? 502 : status;
        if (status >= 200 && status < 300)
            p.detail = tr("The server's answer is not a PDF.");
        emit failed(invoiceId, humanMessage(p));
    });
}

} // namespace keel::billing
