package com.example.determinism;

/** A class of the application whose method reads the wall clock; the Mockito tests mock it. */
public class PriceList {

    public long priceOf(String item) {
        return item.length() + System.currentTimeMillis() % 10; // at:PriceList.priceOf
    }
}
