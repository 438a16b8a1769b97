#pragma once

#include <QByteArray>
#include <QDialog>

class QBuffer;
class QLabel;
class QPdfDocument;
class QPdfView;

namespace keel::billing {

// The invoice PDF as the server renders it, shown in the client (Qt PDF): every page, scrolled,
// fitted to the width; zoom, and "Save as…" to keep a copy.
class InvoicePdfDialog : public QDialog
{
    Q_OBJECT
public:
    explicit InvoicePdfDialog(QWidget *parent = nullptr);
    ~InvoicePdfDialog() override;

    // `title` names the invoice ("INV-UK-2026-000123" or "Draft #12"), `client` its client.
    void setPdf(const QByteArray &pdf, const QString &title, const QString &client);
    int pageCount() const;
    bool isLoaded() const;
    QPdfView *view() const { return m_view; }

private:
    void saveAs();

    QByteArray m_bytes;
    QString m_title;
    QBuffer *m_buffer;
    QPdfDocument *m_document;
    QPdfView *m_view;
    QLabel *m_info;
};

} // namespace keel::billing
