#include "invoice_pdf_dialog.h"

#include <QBuffer>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPdfDocument>
#include <QPdfView>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace keel::billing {

InvoicePdfDialog::InvoicePdfDialog(QWidget *parent)
    : QDialog(parent), m_buffer(new QBuffer(this)), m_document(new QPdfDocument(this)),
      m_view(new QPdfView), m_info(new QLabel)
{
    setObjectName("invoicePdfDialog");
    m_view->setObjectName("invoicePdfView");
    m_view->setDocument(m_document);
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_view->setPageSpacing(12);
    m_view->setStyleSheet(QStringLiteral("QPdfView { background: #E6EAF0; border: none; }"));

    m_info->setObjectName("pdfInfo");
    auto *zoomOut = new QPushButton(tr("−"));
    auto *zoomIn = new QPushButton(tr("+"));
    auto *fit = new QPushButton(tr("Fit width"));
    auto *save = new QPushButton(tr("Save as…"));
    auto *close = new QPushButton(tr("Close"));
    zoomOut->setToolTip(tr("Zoom out"));
    zoomIn->setToolTip(tr("Zoom in"));
    for (QPushButton *b : {zoomOut, zoomIn, fit, save}) {
        b->setAutoDefault(false); // Return closes the preview, it does not zoom
        b->setDefault(false);
    }
    for (QPushButton *b : {zoomOut, zoomIn})
        b->setStyleSheet(QStringLiteral("min-width: 36px;"));
    close->setDefault(true);
    const auto zoomBy = [this](double factor) {
        m_view->setZoomMode(QPdfView::ZoomMode::Custom);
        m_view->setZoomFactor(qBound(0.25, m_view->zoomFactor() * factor, 4.0));
    };
    connect(zoomOut, &QPushButton::clicked, this, [zoomBy] { zoomBy(1 / 1.25); });
    connect(zoomIn, &QPushButton::clicked, this, [zoomBy] { zoomBy(1.25); });
    connect(fit, &QPushButton::clicked, this,
            [this] { m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth); });
    connect(save, &QPushButton::clicked, this, &InvoicePdfDialog::saveAs);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_info, 1);
    bar->addWidget(zoomOut);
    bar->addWidget(zoomIn);
    bar->addWidget(fit);
    bar->addSpacing(12);
    bar->addWidget(save);
    bar->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    resize(860, 980);
}

// The view renders pages on a thread of its own from the document: it goes first (its renderer
// waits for that thread), then the document, then the bytes it reads. Children would be
// deleted in the opposite order and the render thread would read a deleted document.
InvoicePdfDialog::~InvoicePdfDialog()
{
    delete m_view;
    m_view = nullptr;
    m_document->close();
}

void InvoicePdfDialog::setPdf(const QByteArray &pdf, const QString &title, const QString &client)
{
    m_bytes = pdf;
    m_title = title;
    m_document->close();
    m_buffer->close();
    m_buffer->setData(m_bytes);
    m_buffer->open(QIODevice::ReadOnly);
    m_document->load(m_buffer);
    setWindowTitle(client.isEmpty() ? tr("Invoice %1").arg(title)
                                    : tr("Invoice %1 · %2").arg(title, client));
    const int pages = m_document->pageCount();
    m_info->setText(m_document->status() == QPdfDocument::Status::Ready
                        ? (pages == 1
                               ? tr("<b>%1</b> · 1 page").arg(title.toHtmlEscaped())
                               : tr("<b>%1</b> · %2 pages").arg(title.toHtmlEscaped()).arg(pages))
                        : tr("The PDF could not be read."));
}

int InvoicePdfDialog::pageCount() const
{
    return m_document->pageCount();
}

bool InvoicePdfDialog::isLoaded() const
{
    return m_document->status() == QPdfDocument::Status::Ready;
}

void InvoicePdfDialog::saveAs()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString name = m_title;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    const QString file = QFileDialog::getSaveFileName(this, tr("Save the invoice PDF"),
                                                      dir + u'/' + name + QStringLiteral(".pdf"),
                                                      tr("PDF files (*.pdf)"));
    if (file.isEmpty())
        return;
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(m_bytes) != m_bytes.size())
        QMessageBox::warning(
            this, tr("Not saved"),
            tr("The PDF could not be written to %1: %2").arg(file, out.errorString()));
}

} // namespace keel::billing
