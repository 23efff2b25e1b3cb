package io.switchboard.contracts.gmail;

/** Whether a filed email was received ({@code IN}: an "email in" entry) or sent ({@code OUT}: "email out"). */
public enum EmailDirection {
    IN,
    OUT
}
