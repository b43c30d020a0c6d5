// Demo generator: the shop's FAQ articles (locale "en"). Each body is shown
// to customers as is: short, friendly, and consistent with the demo
// catalogue, delivery options and return policies.
#include "store/demo_internal.h"

namespace parley::store::demo {
namespace {

struct Article {
  const char* topic;  // an intent id
  const char* title;
  const char* body;
};

constexpr Article kArticles[] = {
    {"payment_methods", "Ways to pay",
     "We accept Visa, Mastercard and American Express, plus PayPal, Apple Pay, "
     "Google Pay and Klarna. You can also pay with a Northwind gift card, on "
     "its own or together with a card."},
    {"payment_issue", "Problems paying",
     "Sorry your payment didn't go through! Please check the card details and "
     "billing postcode match what your bank has, then try again or pick "
     "another payment method. If your bank shows a charge but you didn't get "
     "an order confirmation, it's only a hold and drops off within 5 working "
     "days."},
    {"invoice_get", "Getting an invoice",
     "Your VAT invoice is in your account under Orders: open the order and "
     "choose \"Download invoice\". It's available as soon as the order has "
     "shipped."},
    {"invoice_check", "Questions about an invoice",
     "Your invoice lists every item, the delivery charge and the VAT included "
     "in the price. If something doesn't look right, tell us the order number "
     "and what you expected, and we'll check it for you."},
    {"account_create", "Creating an account",
     "Choose \"Sign in\" at the top of any page, then \"Create an account\" and "
     "enter your email and a password. With an account you can track orders, "
     "start returns and save addresses for faster checkout."},
    {"account_delete", "Deleting your account",
     "You can close your account under Account settings > Privacy > \"Delete my "
     "account\". We'll erase your personal details within 30 days, keeping only "
     "what the law asks us to keep for past orders."},
    {"account_edit", "Changing your details",
     "Sign in and go to Account settings to update your name, email, phone "
     "number, password or saved addresses. Changes apply straight away; "
     "orders already placed keep the address they were placed with."},
    {"account_switch", "Switching accounts",
     "To use a different account, sign out from the menu at the top right and "
     "sign in again with the other email address. Orders can't be moved "
     "between accounts, but we're happy to help if you placed one on the "
     "wrong account."},
    {"password_recover", "Resetting your password",
     "Choose \"Sign in\", then \"Forgotten your password?\" and enter your email. "
     "We'll send a reset link that works for one hour; check your spam folder "
     "if it hasn't arrived within a few minutes."},
    {"registration_problem", "Trouble creating an account",
     "If sign-up fails, check whether you already have an account with that "
     "email (try \"Forgotten your password?\") and that your password has at "
     "least 8 characters. Still stuck? Let us know what message you see and "
     "we'll sort it out."},
    {"newsletter", "Our newsletter",
     "Sign up at the bottom of any page for new arrivals, walking guides and "
     "early access to sales, about twice a month. You can unsubscribe any "
     "time with the link at the end of every email."},
    {"review", "Leaving a review",
     "We'd love to hear what you think! Open the product page and choose "
     "\"Write a review\", or use the link in the email we send a week after "
     "delivery."},
    {"complaint", "Making a complaint",
     "We're sorry something went wrong. Tell us what happened and your order "
     "number, and a member of our customer service team will look into it "
     "and reply within one working day."},
    {"contact_customer_service", "Contacting us",
     "You can reach our team by chat here, by email at support@northwind.example "
     "or by phone on 020 7946 0321. We're open Monday to Friday 8am to 8pm "
     "and Saturday 9am to 5pm."},
    {"place_order", "Placing an order",
     "Add the items you'd like to your basket, then choose \"Checkout\" to pick "
     "a delivery option and pay. You'll get a confirmation email with your "
     "order number straight away."},
    {"change_order", "Changing an order",
     "We can change or cancel an order until it leaves our warehouse, usually "
     "within a day of ordering. Once it has shipped, you can return anything "
     "you don't want instead."},
    {"delivery_options", "Delivery options",
     "In mainland UK, standard delivery is £3.95 (3-5 working days), express "
     "is £5.95 for the next working day if you order by 2pm, and Click & "
     "Collect is free. The Highlands and islands and Northern Ireland have "
     "standard (£5.95) and express (£9.95) options, and we ship "
     "internationally from £12.95."},
    {"return_policy", "Our returns policy",
     "Most items can be returned free of charge within 30 days of delivery, "
     "unworn or unused and in their original packaging. Beauty products can be "
     "returned within 14 days if unopened, and gift cards and personalised "
     "items can't be returned unless faulty."},
    {"refund_policy", "Refunds",
     "Once your return reaches us we check it and refund you within 5 working "
     "days, to the payment method you used. Your bank may take another 3-5 "
     "days to show the money in your account."},
    {"cancellation_fee", "Cancellation fees",
     "There's no fee to cancel an order before it ships, and you get a full "
     "refund including delivery. After it has shipped, simply return it for "
     "free within 30 days."},
    {"set_shipping_address", "Choosing a delivery address",
     "You choose the delivery address at checkout, and you can save several "
     "addresses in your account. We deliver across the UK and to many "
     "countries abroad."},
    {"change_shipping_address", "Changing the delivery address",
     "We can change the delivery address until your order leaves our "
     "warehouse. After that, the carrier's tracking page may let you redirect "
     "the parcel or choose a safe place."},
};

}  // namespace

void write_faq(Writer& w) {
  for (const Article& a : kArticles) w.faq(a.topic, a.title, a.body);
}

}  // namespace parley::store::demo
