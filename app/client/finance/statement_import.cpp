#include "statement_import.h"

#include "api_client.h"
#include "finance_api.h"
#include "problem.h"
#include "problem_text.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace keel::finance {

StatementImport::StatementImport(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

QString StatementImport::problemWith(const QByteArray &csv)
{
    if (csv.trimmed().isEmpty())
        return tr("The file is empty.");
    if (csv.contains('\0'))
        return tr("This is not a CSV text file.");
    QByteArray header = csv.left(csv.indexOf('\n')).trimmed().toLower();
    if (header.startsWith("\xef\xbb\xbf")) // a byte-order mark from a spreadsheet
        header.remove(0, 3);
    header.replace(' ', "");
    header.replace('"', "");
    if (header != "date,amount,reference,counterparty")
        return tr("The first line must be the header \"date,amount,reference,counterparty\" "
                  "(found \"%1\").")
            .arg(QString::fromUtf8(header.left(80)));
    if (lineCount(csv) == 0)
        return tr("The file has a header but no lines.");
    return {};
}

int StatementImport::lineCount(const QByteArray &csv)
{
    int n = 0;
    const QList<QByteArray> lines = csv.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i)
        if (!lines.at(i).trimmed().isEmpty())
            ++n;
    return n;
}

bool StatementImport::importFile(const QString &bankAccountId, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        emit failed(tr("The file %1 cannot be read: %2").arg(path, file.errorString()));
        return false;
    }
    if (file.size() > 20 * 1024 * 1024) {
        emit failed(tr("The file is larger than 20 MB; split the statement by month."));
        return false;
    }
    importBytes(bankAccountId, file.readAll(), QFileInfo(path).fileName());
    return true;
}

// ApiClient speaks JSON only; a statement is a raw text/csv body.
void StatementImport::importBytes(const QString &bankAccountId, const QByteArray &csv,
                                  const QString &fileName)
{
    if (const QString problem = problemWith(csv); !problem.isEmpty()) {
        emit failed(problem);
        return;
    }
    if (!m_api || m_busy)
        return;
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    QUrl url(m_api->baseUrl().toString(QUrl::StripTrailingSlash) +
             FinanceApi::statementImportPath(bankAccountId));
    if (!fileName.isEmpty()) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("file_name"),
                       QString::fromLatin1(QUrl::toPercentEncoding(fileName)));
        url.setQuery(q);
    }
    QNetworkRequest request(url);
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
            const auto count = [&body](std::initializer_list<const char *> keys) {
                for (const char *k : keys)
                    if (body.contains(k))
                        return body.value(k).toInt();
                return 0;
            };
            emit imported(count({"line_count", "imported", "lines"}),
                          count({"duplicate_count", "duplicates"}));
            return;
        }
        if (status == 0) {
            emit failed(humanMessage(networkProblem(reply->errorString())));
            return;
        }
        Problem p = Problem::fromJson(body);
        p.status = status;
        emit failed(humanMessage(p));
    });
}

} // namespace keel::finance
