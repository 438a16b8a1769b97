#pragma once

#include <QByteArray>
#include <QString>

namespace keel::expenses {

// A receipt the user dropped or picked, checked before it is kept: JPEG, PNG or PDF (by its
// first bytes, not its name) and at most 10 MiB, as the server accepts.
struct ReceiptFile
{
    static constexpr qint64 MaxBytes = 10 * 1024 * 1024;

    QString fileName; // without directories
    QString mimeType; // image/jpeg, image/png, application/pdf
    QByteArray content;
    QString error; // why it is refused, in words; empty = accepted

    bool ok() const { return error.isEmpty(); }

    static ReceiptFile fromBytes(const QString &fileName, const QByteArray &content);
    static ReceiptFile fromPath(const QString &path);
    // The MIME type from the content's signature, empty when none of the three.
    static QString sniffMimeType(const QByteArray &content);
};

} // namespace keel::expenses
