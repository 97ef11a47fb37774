#include "output/labels.hpp"

#include <fmt/format.h>

#include <vector>

namespace factpress {
namespace {

const std::vector<Labels>& table() {
    static const std::vector<Labels> rows = {
        {"en",
         "Key facts",
         "Contact",
         "Page {} of {}",
         "Last updated: {}",
         "Photo",
         "Links",
         "see section",
         "Bottom line up front",
         "Published",
         "Tel: {}",
         "E-mail: {}",
         "Web: {}",
         {"January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"},
         {},
         "\u201C",
         "\u201D"},
        {"fr",
         "Points principaux",
         "Contact",
         "Page {} sur {}",
         "Mis à jour le {}",
         "Photo",
         "Liens",
         "voir la section",
         "L’essentiel",
         "Publié",
         "Tél.\u00A0: {}",
         "Courriel\u00A0: {}",
         "Web\u00A0: {}",
         {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"},
         {},
         "«\u00A0",
         "\u00A0»",
         "{} {}",
         "{} {} {}",
         "1er"},
        {"uk",
         "Основні факти",
         "Контакти",
         "Сторінка {} з {}",
         "Оновлено: {}",
         "Фото",
         "Посилання",
         "див. розділ",
         "Головне",
         "Опубліковано",
         "Тел.: {}",
         "Ел. пошта: {}",
         "Вебсайт: {}",
         {"січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень",
          "вересень", "жовтень", "листопад", "грудень"},
         {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
          "жовтня", "листопада", "грудня"},
         "«",
         "»"},
        {"ru",
         "Основные факты",
         "Контакты",
         "Страница {} из {}",
         "Обновлено: {}",
         "Фото",
         "Ссылки",
         "см. раздел",
         "Главное",
         "Опубликовано",
         "Тел.: {}",
         "Эл. почта: {}",
         "Сайт: {}",
         {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
          "октябрь", "ноябрь", "декабрь"},
         {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
          "октября", "ноября", "декабря"},
         "«",
         "»"},
        {"el",
         "Βασικά στοιχεία",
         "Επικοινωνία",
         "Σελίδα {} από {}",
         "Τελευταία ενημέρωση: {}",
         "Φωτογραφία",
         "Σύνδεσμοι",
         "βλ. ενότητα",
         "Με μια ματιά",
         "Δημοσίευση",
         "Τηλ.: {}",
         "Email: {}",
         "Ιστότοπος: {}",
         {"Ιανουάριος", "Φεβρουάριος", "Μάρτιος", "Απρίλιος", "Μάιος", "Ιούνιος", "Ιούλιος",
          "Αύγουστος", "Σεπτέμβριος", "Οκτώβριος", "Νοέμβριος", "Δεκέμβριος"},
         {"Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου",
          "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου"},
         "«",
         "»"},
        {"ar",
         "حقائق رئيسية",
         "الاتصال",
         "الصفحة {} من {}",
         "آخر تحديث: {}",
         "صورة",
         "روابط",
         "انظر القسم",
         "الخلاصة",
         "نُشر",
         "هاتف: {}",
         "البريد الإلكتروني: {}",
         "الموقع: {}",
         {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
          "نوفمبر", "ديسمبر"},
         {},
         "«",
         "»"},
        {"de",
         "Wichtige Fakten",
         "Kontakt",
         "Seite {} von {}",
         "Zuletzt aktualisiert: {}",
         "Foto",
         "Links",
         "siehe Abschnitt",
         "Das Wichtigste",
         "Veröffentlicht",
         "Tel.: {}",
         "E-Mail: {}",
         "Web: {}",
         {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"},
         {},
         "\u201E",
         "\u201C",
         "{} {}",
         "{}. {} {}",
         "1"},
        {"es",
         "Datos clave",
         "Contacto",
         "Página {} de {}",
         "Última actualización: {}",
         "Foto",
         "Enlaces",
         "véase la sección",
         "Lo esencial",
         "Publicado",
         "Tel.: {}",
         "Correo electrónico: {}",
         "Web: {}",
         {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
          "octubre", "noviembre", "diciembre"},
         {},
         "«",
         "»",
         "{} de {}",
         "{} de {} de {}",
         "1"},
        {"it",
         "Dati principali",
         "Contatti",
         "Pagina {} di {}",
         "Ultimo aggiornamento: {}",
         "Foto",
         "Link",
         "vedi la sezione",
         "In sintesi",
         "Pubblicato",
         "Tel.: {}",
         "E-mail: {}",
         "Web: {}",
         {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
          "settembre", "ottobre", "novembre", "dicembre"},
         {},
         "«",
         "»",
         "{} {}",
         "{} {} {}",
         "1º"},
        {"pl",
         "Najważniejsze fakty",
         "Kontakt",
         "Strona {} z {}",
         "Ostatnia aktualizacja: {}",
         "Zdjęcie",
         "Linki",
         "zob. sekcja",
         "W skrócie",
         "Opublikowano",
         "Tel.: {}",
         "E-mail: {}",
         "WWW: {}",
         {"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień",
          "wrzesień", "październik", "listopad", "grudzień"},
         {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
          "września", "października", "listopada", "grudnia"},
         "\u201E",
         "\u201D",
         "{} {}",
         "{} {} {}",
         "1"},
        {"tr",
         "Temel bilgiler",
         "İletişim",
         "Sayfa {} / {}",
         "Son güncelleme: {}",
         "Fotoğraf",
         "Bağlantılar",
         "bkz. bölüm",
         "Özetle",
         "Yayımlandı",
         "Tel.: {}",
         "E-posta: {}",
         "Web: {}",
         {"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
          "Ekim", "Kasım", "Aralık"},
         {},
         "\u201C",
         "\u201D",
         "{} {}",
         "{} {} {}",
         "1"},
        {"he",
         "עובדות עיקריות",
         "יצירת קשר",
         "עמוד {} מתוך {}",
         "עודכן לאחרונה: {}",
         "צילום",
         "קישורים",
         "ראו סעיף",
         "בשורה התחתונה",
         "פורסם",
         "טלפון: {}",
         "דוא״ל: {}",
         "אתר: {}",
         {"ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר",
          "נובמבר", "דצמבר"},
         {"בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני", "ביולי", "באוגוסט", "בספטמבר",
          "באוקטובר", "בנובמבר", "בדצמבר"},
         "\u201E",
         "\u201D",
         "{} {}",
         "{} {} {}",
         "1"},
        {"fa",
         "نکات کلیدی",
         "تماس",
         "صفحهٔ {} از {}",
         "آخرین به‌روزرسانی: {}",
         "عکس",
         "پیوندها",
         "نگاه کنید به بخش",
         "خلاصه",
         "منتشرشده",
         "تلفن: {}",
         "ایمیل: {}",
         "وب‌سایت: {}",
         {"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر",
          "نوامبر", "دسامبر"},
         {},
         "«",
         "»",
         "{} {}",
         "{} {} {}",
         "1"},
    };
    return rows;
}

} // namespace

const Labels& labels_for(std::string_view language) {
    std::string_view primary = language.substr(0, language.find('-'));
    for (const auto& row : table())
        if (row.language.size() == primary.size() &&
            std::equal(primary.begin(), primary.end(), row.language.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == b;
            }))
            return row;
    return table().front();
}

std::string format_date(const Date& date, const Labels& labels) {
    if (date.month == 0) return fmt::format("{}", date.year);
    if (date.day == 0)
        return fmt::format(fmt::runtime(labels.month_year), labels.months[date.month - 1],
                           date.year);
    const auto& months =
        labels.months_with_day.front().empty() ? labels.months : labels.months_with_day;
    std::string day = date.day == 1 ? labels.first_day : std::to_string(date.day);
    return fmt::format(fmt::runtime(labels.day_month_year), day, months[date.month - 1], date.year);
}

std::string social_line(const ContactLine& line) {
    std::string network = line.network;
    if (!network.empty())
        network[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(network[0])));
    return fmt::format("{}: {}", network, line.text);
}

std::string contact_line(const Labels& labels, const ContactLine& line) {
    switch (line.kind) {
    case ContactKind::phone:
        return fmt::format(fmt::runtime(labels.phone), line.text);
    case ContactKind::email:
        return fmt::format(fmt::runtime(labels.email), line.text);
    case ContactKind::web:
        return fmt::format(fmt::runtime(labels.web), line.text);
    case ContactKind::social:
        return social_line(line);
    default:
        return line.text;
    }
}

std::string updated_label(const Labels& labels, const Date& date) {
    return fmt::format(fmt::runtime(labels.last_updated), format_date(date, labels));
}

std::string page_label(const Labels& labels, int page, int pages) {
    return fmt::format(fmt::runtime(labels.page_of), page, pages);
}

} // namespace factpress
