#include "fx_rate_import.h"

#include "api_client.h"
#include "fx_api.h"
#include "problem.h"
#include "problem_text.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QStringList>

namespace keel::finance {

FxRateImport::FxRateImport(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

bool FxRateImport::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        emit failed(tr("The file %1 cannot be read.").arg(path));
        return false;
    }
    importBytes(file.readAll());
    return true;
}

void FxRateImport::locate(const QString &field, const QString &message, int *line, QString *column)
{
    static const QRegularExpression byField(QStringLiteral("^lines?/(\\d+)(?:/(\\w+))?"));
    static const QRegularExpression byText(QStringLiteral("line (\\d+)(?:, column (\\w+))?"),
                                           QRegularExpression::CaseInsensitiveOption);
    QRegularExpressionMatch m = byField.match(field);
    if (!m.hasMatch())
        m = byText.match(message);
    if (!m.hasMatch())
        return;
    *line = m.captured(1).toInt();
    *column = m.captured(2);
}

// ApiClient speaks JSON only; the rates are a raw text/csv body.
void FxRateImport::importBytes(const QByteArray &csv)
{
    if (!m_api || m_busy)
        return;
    m_line = 0;
    m_column.clear();
    if (csv.trimmed().isEmpty()) {
        emit failed(tr("The file is empty."));
        return;
    }
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    QNetworkRequest request(
        QUrl(m_api->baseUrl().toString(QUrl::StripTrailingSlash) + FxApi::importPath()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/csv"));
    request.setRawHeader("Authorization", "Bearer " + m_api->accessToken().toUtf8());
    request.setRawHeader("Accept", "application/json, application/problem+json");
    request.setTransferTimeout(60000);
    m_busy = true;
    QNetworkReply *reply = m_nam->post(request, csv);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_busy = false;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        if (status >= 200 && status < 300) {
            int count = 0;
            for (const char *k : {"imported", "count", "rate_count", "lines"})
                if (body.contains(k)) {
                    count = body.value(k).toInt();
                    break;
                }
            emit imported(count);
            return;
        }
        if (status == 0) {
            emit failed(humanMessage(networkProblem(reply->errorString())));
            return;
        }
        Problem p = Problem::fromJson(body);
        p.status = status;
        for (const FieldError &e : p.errors) {
            locate(e.field, e.message, &m_line, &m_column);
            if (m_line > 0)
                break;
        }
        if (m_line == 0)
            locate(QString(), p.detail, &m_line, &m_column);
        QString where;
        if (m_line > 0)
            where = m_column.isEmpty()
                        ? tr("Nothing was imported: line %1 of the file is not valid.").arg(m_line)
                        : tr("Nothing was imported: line %1, column %2 of the file is not valid.")
                              .arg(m_line)
                              .arg(m_column);
        // The server's own words per line after ours; its summary repeats the headline.
        QStringList lines;
        for (const FieldError &e : p.errors)
            if (lines.size() < 5 && !e.message.isEmpty())
                lines.append(e.message);
        if (where.isEmpty() || lines.isEmpty())
            emit failed(where.isEmpty() ? humanMessage(p) : where + u'\n' + humanMessage(p));
        else
            emit failed(where + u'\n' + lines.join(u'\n'));
    });
}

} // namespace keel::finance
