#pragma once

#include "finance_tab.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace keel {
class ApiClient;
}

namespace keel::finance {

class FxRateImport;
class FxRatesModel;

// Exchange rates: the rates by day, filtered by currency pair and dates (paged as the list
// scrolls), the group currency above them; with fx.manage a rate is set by hand for a day or a
// CSV file of rates is imported, and a refused file says which line and column to fix.
class FxRatesTab : public FinanceTab
{
    Q_OBJECT
public:
    FxRatesTab(ApiClient *api, FinanceScope *scope, bool canWrite, QWidget *parent = nullptr);

    FxRatesModel *rates() const { return m_rates; }
    FxRateImport *importer() const { return m_import; }
    QTableView *ratesView() const { return m_view; }
    QString groupText() const;
    void refresh() override;

    void setFilter(const QString &from, const QString &to);
    // The entry form, as a person fills it in.
    void enterRate(const QDate &day, const QString &from, const QString &to, const QString &rate);
    void saveRate();
    void importFile(const QString &path);

private:
    void loadGroup();
    void chooseFile();

    ApiClient *m_api;
    FxRatesModel *m_rates;
    FxRateImport *m_import;
    bool m_canWrite;
    QLabel *m_group;
    QComboBox *m_filterFrom;
    QComboBox *m_filterTo;
    QDateEdit *m_filterStart;
    QDateEdit *m_filterEnd;
    QTableView *m_view;
    QDateEdit *m_day;
    QComboBox *m_from;
    QComboBox *m_to;
    QLineEdit *m_rate;
    QPushButton *m_save;
    QPushButton *m_importButton;
};

} // namespace keel::finance
