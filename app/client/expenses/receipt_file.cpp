#include "receipt_file.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace keel::expenses {

namespace {
class Text
{
    Q_DECLARE_TR_FUNCTIONS(keel::expenses::Receipt)
};
} // namespace

QString ReceiptFile::sniffMimeType(const QByteArray &content)
{
    if (content.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    if (content.startsWith("\x89PNG\r\n\x1A\n"))
        return QStringLiteral("image/png");
    if (content.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    return {};
}

ReceiptFile ReceiptFile::fromBytes(const QString &fileName, const QByteArray &content)
{
    ReceiptFile r;
    r.fileName = QFileInfo(fileName).fileName();
    if (content.isEmpty()) {
        r.error = Text::tr("%1 is empty.").arg(r.fileName);
        return r;
    }
    if (content.size() > MaxBytes) {
        r.error = Text::tr("%1 is %2 MiB; receipts may be at most 10 MiB. Scan it at a lower "
                           "resolution or save it as a PDF.")
                      .arg(r.fileName)
                      .arg(double(content.size()) / (1024 * 1024), 0, 'f', 1);
        return r;
    }
    r.mimeType = sniffMimeType(content);
    if (r.mimeType.isEmpty()) {
        r.error = Text::tr("%1 is not a JPEG, PNG or PDF file. Receipts must be a photo (JPEG or "
                           "PNG) or a PDF.")
                      .arg(r.fileName);
        return r;
    }
    r.content = content;
    return r;
}

ReceiptFile ReceiptFile::fromPath(const QString &path)
{
    QFile f(path);
    const QString name = QFileInfo(path).fileName();
    if (f.size() > MaxBytes) { // refuse without reading a huge file into memory
        ReceiptFile r;
        r.fileName = name;
        r.error = Text::tr("%1 is %2 MiB; receipts may be at most 10 MiB. Scan it at a lower "
                           "resolution or save it as a PDF.")
                      .arg(name)
                      .arg(double(f.size()) / (1024 * 1024), 0, 'f', 1);
        return r;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        ReceiptFile r;
        r.fileName = name;
        r.error = Text::tr("%1 cannot be read: %2").arg(name, f.errorString());
        return r;
    }
    return fromBytes(name, f.readAll());
}

} // namespace keel::expenses
