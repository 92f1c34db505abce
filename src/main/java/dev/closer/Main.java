package dev.closer; public class Main { public static void main(String[] a){} }
